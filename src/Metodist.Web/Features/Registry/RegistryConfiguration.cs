using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metodist.Web.Features.Registry;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> b)
    {
        b.ToTable("Regions");
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Code).HasMaxLength(10);
    }
}

internal sealed class DistrictConfiguration : IEntityTypeConfiguration<District>
{
    public void Configure(EntityTypeBuilder<District> b)
    {
        b.ToTable("Districts");
        b.Property(x => x.Name).HasMaxLength(200);
        b.HasOne(x => x.Region).WithMany(x => x.Districts).HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> b)
    {
        b.ToTable("Municipalities");
        b.Property(x => x.Name).HasMaxLength(200);
        b.HasOne(x => x.Region).WithMany(x => x.Municipalities).HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.District).WithMany(x => x.Municipalities).HasForeignKey(x => x.DistrictId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.ToTable("Organizations");
        b.Property(x => x.Kind).HasMaxLength(40);
        b.Property(x => x.FullName).HasMaxLength(500);
        b.Property(x => x.ShortName).HasMaxLength(200);
        b.Property(x => x.Address).HasMaxLength(500);
        b.Property(x => x.Phone).HasMaxLength(50);
        b.Property(x => x.Email).HasMaxLength(200);
        b.Property(x => x.Inn).HasMaxLength(12);
        b.Property(x => x.SearchName).HasMaxLength(800);
        b.HasOne(x => x.Municipality).WithMany(x => x.Organizations).HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.Inn);
        b.HasIndex(x => x.ShortName);
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.ToTable("Persons");
        b.Property(x => x.LastName).HasMaxLength(100);
        b.Property(x => x.FirstName).HasMaxLength(100);
        b.Property(x => x.MiddleName).HasMaxLength(100);
        b.Property(x => x.Email).HasMaxLength(200);
        b.Property(x => x.Phone).HasMaxLength(50);
        b.Property(x => x.Snils).HasMaxLength(14);
        b.Property(x => x.Category).HasMaxLength(40);
        b.Property(x => x.EducationLevel).HasMaxLength(40);
        b.Property(x => x.Education).HasMaxLength(500);
        b.Property(x => x.SearchName).HasMaxLength(320);
        b.Ignore(x => x.FullName);
        b.Ignore(x => x.ShortName);
        b.HasIndex(x => x.Snils);
        b.HasIndex(x => new { x.LastName, x.FirstName, x.MiddleName });
        b.HasIndex(x => new { x.SearchName, x.Category, x.BirthDate, x.PedagogicalWorkStart, x.NextAttestationDue, x.Id });
        b.HasIndex(x => x.NextAttestationDue);
    }
}

internal sealed class EmploymentConfiguration : IEntityTypeConfiguration<Employment>
{
    public void Configure(EntityTypeBuilder<Employment> b)
    {
        b.ToTable("Employments");
        b.HasOne(x => x.Person).WithMany(x => x.Employments).HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Position).WithMany().HasForeignKey(x => x.PositionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.PersonId, x.MunicipalityId, x.OrganizationId });
        b.HasIndex(x => x.OrganizationId);
        b.HasIndex(x => x.MunicipalityId);
        b.HasIndex(x => x.PositionId);
    }
}

internal sealed class EmploymentSubjectConfiguration : IEntityTypeConfiguration<EmploymentSubject>
{
    public void Configure(EntityTypeBuilder<EmploymentSubject> b)
    {
        b.ToTable("EmploymentSubjects");
        b.HasKey(x => new { x.EmploymentId, x.SubjectId });
        b.HasOne(x => x.Employment).WithMany(x => x.Subjects).HasForeignKey(x => x.EmploymentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Subject).WithMany().HasForeignKey(x => x.SubjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.SubjectId);
    }
}

internal sealed class PositionConfiguration : IEntityTypeConfiguration<Position>
{
    public void Configure(EntityTypeBuilder<Position> b)
    {
        b.ToTable("Positions");
        b.Property(x => x.Name).HasMaxLength(200);
        b.HasIndex(x => x.Name).IsUnique();
    }
}

internal sealed class SubjectConfiguration : IEntityTypeConfiguration<Subject>
{
    public void Configure(EntityTypeBuilder<Subject> b)
    {
        b.ToTable("Subjects");
        b.Property(x => x.Name).HasMaxLength(200);
        b.HasIndex(x => x.Name).IsUnique();
    }
}
