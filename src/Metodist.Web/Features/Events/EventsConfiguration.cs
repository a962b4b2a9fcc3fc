using Metodist.Web.Features.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metodist.Web.Features.Events;

internal sealed class MethodicalEventConfiguration : IEntityTypeConfiguration<MethodicalEvent>
{
    public void Configure(EntityTypeBuilder<MethodicalEvent> b)
    {
        b.ToTable("Events");
        b.Property(x => x.Title).HasMaxLength(1000);
        b.Property(x => x.Kind).HasMaxLength(20);
        b.Property(x => x.Description).HasMaxLength(8000);
        b.Property(x => x.VenueNote).HasMaxLength(500);
        b.Property(x => x.OnlineUrl).HasMaxLength(1000);
        b.Property(x => x.Audience).HasMaxLength(1000);
        b.Property(x => x.Hours).HasPrecision(5, 1);
        b.Property(x => x.Status).HasMaxLength(20);
        b.Property(x => x.CancelReason).HasMaxLength(1000);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasOne(x => x.VenueOrganization).WithMany().HasForeignKey(x => x.VenueOrganizationId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(x => x.Association).WithMany().HasForeignKey(x => x.AssociationId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Region>().WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Associations.PlanItem>().WithMany().HasForeignKey(x => x.PlanItemId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Registrations).WithOne(x => x.Event).HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Responsible).WithOne().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Areas).WithOne().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Subjects).WithOne().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Positions).WithOne().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Materials).WithOne().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.Status, x.StartsAt });
        b.HasIndex(x => x.AssociationId);
        b.HasIndex(x => x.MunicipalityId);
        b.HasIndex(x => x.PlanItemId);
    }
}

internal sealed class EventRegistrationConfiguration : IEntityTypeConfiguration<EventRegistration>
{
    public void Configure(EntityTypeBuilder<EventRegistration> b)
    {
        b.ToTable("EventRegistrations");
        b.Property(x => x.Status).HasMaxLength(20);
        b.Property(x => x.RegisteredBy).HasMaxLength(256);
        b.Property(x => x.CertificateNumber).HasMaxLength(50);
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.EventId, x.PersonId }).IsUnique();
        b.HasIndex(x => x.PersonId);
    }
}

internal sealed class EventResponsibleConfiguration : IEntityTypeConfiguration<EventResponsible>
{
    public void Configure(EntityTypeBuilder<EventResponsible> b)
    {
        b.ToTable("EventResponsible");
        b.HasKey(x => new { x.EventId, x.PersonId });
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.PersonId);
    }
}

internal sealed class EventAreaConfiguration : IEntityTypeConfiguration<EventArea>
{
    public void Configure(EntityTypeBuilder<EventArea> b)
    {
        b.ToTable("EventAreas");
        b.HasKey(x => new { x.EventId, x.AreaId });
        b.HasOne<Diagnostics.CompetenceArea>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.AreaId);
    }
}

internal sealed class EventSubjectConfiguration : IEntityTypeConfiguration<EventSubject>
{
    public void Configure(EntityTypeBuilder<EventSubject> b)
    {
        b.ToTable("EventSubjects");
        b.HasKey(x => new { x.EventId, x.SubjectId });
        b.HasOne<Subject>().WithMany().HasForeignKey(x => x.SubjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.SubjectId);
    }
}

internal sealed class EventPositionConfiguration : IEntityTypeConfiguration<EventPosition>
{
    public void Configure(EntityTypeBuilder<EventPosition> b)
    {
        b.ToTable("EventPositions");
        b.HasKey(x => new { x.EventId, x.PositionId });
        b.HasOne<Position>().WithMany().HasForeignKey(x => x.PositionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.PositionId);
    }
}

internal sealed class EventMaterialConfiguration : IEntityTypeConfiguration<EventMaterial>
{
    public void Configure(EntityTypeBuilder<EventMaterial> b)
    {
        b.ToTable("EventMaterials");
        b.Property(x => x.Title).HasMaxLength(500);
        b.HasOne(x => x.File).WithMany().HasForeignKey(x => x.FileId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.EventId);
    }
}
