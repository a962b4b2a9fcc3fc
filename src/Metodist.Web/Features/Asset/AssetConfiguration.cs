using Metodist.Web.Features.Courses;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metodist.Web.Features.Asset;

internal sealed class RegionalMethodistConfiguration : IEntityTypeConfiguration<RegionalMethodist>
{
    public void Configure(EntityTypeBuilder<RegionalMethodist> b)
    {
        b.ToTable("RegionalMethodists");
        b.Property(x => x.Status).HasMaxLength(20);
        b.Property(x => x.AssessmentResult).HasMaxLength(300);
        b.Property(x => x.OrderNumber).HasMaxLength(50);
        b.Property(x => x.WithdrawalReason).HasMaxLength(1000);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Course>().WithMany().HasForeignKey(x => x.TrainingCourseId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Subjects).WithOne().HasForeignKey(x => x.MethodistId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Municipalities).WithOne().HasForeignKey(x => x.MethodistId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.History).WithOne().HasForeignKey(x => x.MethodistId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.PersonId).IsUnique();
        b.HasIndex(x => x.Status);
    }
}

internal sealed class RegionalMethodistSubjectConfiguration : IEntityTypeConfiguration<RegionalMethodistSubject>
{
    public void Configure(EntityTypeBuilder<RegionalMethodistSubject> b)
    {
        b.ToTable("RegionalMethodistSubjects");
        b.HasKey(x => new { x.MethodistId, x.SubjectId });
        b.HasOne(x => x.Subject).WithMany().HasForeignKey(x => x.SubjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.SubjectId);
    }
}

internal sealed class RegionalMethodistMunicipalityConfiguration : IEntityTypeConfiguration<RegionalMethodistMunicipality>
{
    public void Configure(EntityTypeBuilder<RegionalMethodistMunicipality> b)
    {
        b.ToTable("RegionalMethodistMunicipalities");
        b.HasKey(x => new { x.MethodistId, x.MunicipalityId });
        b.HasOne(x => x.Municipality).WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.MunicipalityId);
    }
}

internal sealed class AssetStatusChangeConfiguration : IEntityTypeConfiguration<AssetStatusChange>
{
    public void Configure(EntityTypeBuilder<AssetStatusChange> b)
    {
        b.ToTable("AssetStatusChanges");
        b.Property(x => x.From).HasMaxLength(20);
        b.Property(x => x.To).HasMaxLength(20);
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.Comment).HasMaxLength(1000);
        b.HasIndex(x => x.MethodistId);
    }
}

internal sealed class AssetAssignmentConfiguration : IEntityTypeConfiguration<AssetAssignment>
{
    public void Configure(EntityTypeBuilder<AssetAssignment> b)
    {
        b.ToTable("AssetAssignments");
        b.Property(x => x.AssignedBy).HasMaxLength(256);
        b.HasOne(x => x.Methodist).WithMany().HasForeignKey(x => x.MethodistId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.PersonId).IsUnique();
        b.HasIndex(x => x.MethodistId);
    }
}
