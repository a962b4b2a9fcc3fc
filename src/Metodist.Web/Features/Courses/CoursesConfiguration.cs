using Metodist.Web.Features.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metodist.Web.Features.Courses;

internal sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> b)
    {
        b.ToTable("Courses");
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.Provider).HasMaxLength(300);
        b.Property(x => x.Kind).HasMaxLength(20);
        b.Property(x => x.Form).HasMaxLength(20);
        b.Property(x => x.Description).HasMaxLength(4000);
        b.Property(x => x.SearchTitle).HasMaxLength(900);
        b.HasOne(x => x.Subject).WithMany().HasForeignKey(x => x.SubjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Areas).WithOne().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Enrolments).WithOne(x => x.Course).HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.StartsOn);
        b.HasIndex(x => x.SearchTitle);
    }
}

internal sealed class CourseAreaConfiguration : IEntityTypeConfiguration<CourseArea>
{
    public void Configure(EntityTypeBuilder<CourseArea> b)
    {
        b.ToTable("CourseAreas");
        b.HasKey(x => new { x.CourseId, x.AreaId });
        b.HasOne(x => x.Area).WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.AreaId);
    }
}

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> b)
    {
        b.ToTable("Enrolments");
        b.Property(x => x.Status).HasMaxLength(20);
        b.Property(x => x.EnrolledBy).HasMaxLength(256);
        b.Property(x => x.CertificateNumber).HasMaxLength(100);
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<StoredFile>().WithMany().HasForeignKey(x => x.CertificateFileId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => x.PersonId);
        b.HasIndex(x => new { x.CourseId, x.Status });
    }
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.ToTable("StoredFiles");
        b.Property(x => x.FileName).HasMaxLength(400);
        b.Property(x => x.ContentType).HasMaxLength(200);
        b.Property(x => x.UploadedBy).HasMaxLength(256);
        b.HasIndex(x => x.PersonId);
    }
}
