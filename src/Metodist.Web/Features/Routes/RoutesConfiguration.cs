using Metodist.Web.Features.Courses;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metodist.Web.Features.Routes;

internal sealed class RouteConfiguration : IEntityTypeConfiguration<DevelopmentRoute>
{
    public void Configure(EntityTypeBuilder<DevelopmentRoute> b)
    {
        b.ToTable("Routes");
        b.Property(x => x.Status).HasMaxLength(20);
        b.Property(x => x.MunicipalityName).HasMaxLength(200);
        b.Property(x => x.OrganizationName).HasMaxLength(500);
        b.Property(x => x.PositionName).HasMaxLength(200);
        b.Property(x => x.SubjectName).HasMaxLength(400);
        b.Property(x => x.DeficitLevel).HasMaxLength(20);
        b.Property(x => x.Goal).HasMaxLength(2000);
        b.Property(x => x.OrganizationAgreedBy).HasMaxLength(256);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Tutor).WithMany().HasForeignKey(x => x.TutorPersonId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Items).WithOne(x => x.Route).HasForeignKey(x => x.RouteId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Transitions).WithOne().HasForeignKey(x => x.RouteId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.PersonId, x.Status });
        b.HasIndex(x => new { x.Status, x.MunicipalityId });
        b.HasIndex(x => x.TutorPersonId);
    }
}

internal sealed class RouteItemConfiguration : IEntityTypeConfiguration<RouteItem>
{
    public void Configure(EntityTypeBuilder<RouteItem> b)
    {
        b.ToTable("RouteItems");
        b.Property(x => x.Section).HasMaxLength(20);
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.Details).HasMaxLength(1000);
        b.Property(x => x.Status).HasMaxLength(200);
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.Property(x => x.Reflection).HasMaxLength(4000);
        b.Property(x => x.Evidence).HasMaxLength(500);
        b.HasOne(x => x.DeficitArea).WithMany().HasForeignKey(x => x.DeficitAreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Course>().WithMany().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => x.RouteId);
        b.HasIndex(x => x.EnrolmentId);
        b.HasIndex(x => x.MentoringPairId);
        b.HasIndex(x => x.EventId);
        b.HasIndex(x => new { x.PersonId, x.CourseId });
    }
}

internal sealed class RouteTransitionConfiguration : IEntityTypeConfiguration<RouteTransition>
{
    public void Configure(EntityTypeBuilder<RouteTransition> b)
    {
        b.ToTable("RouteTransitions");
        b.Property(x => x.From).HasMaxLength(20);
        b.Property(x => x.To).HasMaxLength(20);
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.Comment).HasMaxLength(2000);
        b.HasIndex(x => x.RouteId);
    }
}
