using Metodist.Web.Features.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metodist.Web.Features.Associations;

internal sealed class AssociationConfiguration : IEntityTypeConfiguration<Association>
{
    public void Configure(EntityTypeBuilder<Association> b)
    {
        b.ToTable("Associations");
        b.Property(x => x.Name).HasMaxLength(500);
        b.Property(x => x.Level).HasMaxLength(20);
        b.Property(x => x.Kind).HasMaxLength(30);
        b.Property(x => x.Subject).HasMaxLength(300);
        b.Property(x => x.LeaderTitle).HasMaxLength(300);
        b.Property(x => x.LeaderOrderNumber).HasMaxLength(50);
        b.Property(x => x.Description).HasMaxLength(4000);
        b.Property(x => x.ReportDates).HasMaxLength(100);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasOne<Region>().WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Municipality).WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.BaseOrganization).WithMany().HasForeignKey(x => x.BaseOrganizationId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(x => x.Leader).WithMany().HasForeignKey(x => x.LeaderPersonId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Members).WithOne(x => x.Association).HasForeignKey(x => x.AssociationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.RegionId, x.Level });
        b.HasIndex(x => x.MunicipalityId);
        b.HasIndex(x => x.OrganizationId);
        b.HasIndex(x => x.LeaderPersonId);
    }
}

internal sealed class AssociationMemberConfiguration : IEntityTypeConfiguration<AssociationMember>
{
    public void Configure(EntityTypeBuilder<AssociationMember> b)
    {
        b.ToTable("AssociationMembers");
        b.Property(x => x.FullName).HasMaxLength(300);
        b.Property(x => x.Position).HasMaxLength(300);
        b.Property(x => x.OrganizationName).HasMaxLength(500);
        b.Property(x => x.Role).HasMaxLength(20);
        b.Property(x => x.Status).HasMaxLength(20);
        b.Property(x => x.RequestComment).HasMaxLength(1000);
        b.Property(x => x.DecidedBy).HasMaxLength(256);
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.AssociationId);
        b.HasIndex(x => x.PersonId);
    }
}

internal sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> b)
    {
        b.ToTable("Programmes");
        b.Property(x => x.Name).HasMaxLength(1000);
        b.Property(x => x.BasisDocuments).HasMaxLength(8000);
        b.Property(x => x.TargetAudience).HasMaxLength(2000);
        b.Property(x => x.Customer).HasMaxLength(2000);
        b.Property(x => x.Developers).HasMaxLength(2000);
        b.Property(x => x.Goal).HasMaxLength(2000);
        b.Property(x => x.Tasks).HasMaxLength(4000);
        b.Property(x => x.ExpectedResults).HasMaxLength(4000);
        b.Property(x => x.Period).HasMaxLength(300);
        b.Property(x => x.FormsOfWork).HasMaxLength(2000);
        b.Property(x => x.ExplanatoryNote).HasMaxLength(20000);
        b.HasOne<Association>().WithMany().HasForeignKey(x => x.AssociationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Stages).WithOne().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Sources).WithOne().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.AssociationId);
        b.HasIndex(x => x.MunicipalityId);
    }
}

internal sealed class ProgrammeStageConfiguration : IEntityTypeConfiguration<ProgrammeStage>
{
    public void Configure(EntityTypeBuilder<ProgrammeStage> b)
    {
        b.ToTable("ProgrammeStages");
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.Dates).HasMaxLength(300);
        b.Property(x => x.Tasks).HasMaxLength(4000);
        b.Property(x => x.Means).HasMaxLength(2000);
        b.Property(x => x.ExpectedResult).HasMaxLength(2000);
        b.HasIndex(x => x.ProgrammeId);
    }
}

internal sealed class ProgrammeSourceConfiguration : IEntityTypeConfiguration<ProgrammeSource>
{
    public void Configure(EntityTypeBuilder<ProgrammeSource> b)
    {
        b.ToTable("ProgrammeSources");
        b.Property(x => x.Text).HasMaxLength(2000);
        b.HasIndex(x => x.ProgrammeId);
    }
}

internal sealed class WorkPlanConfiguration : IEntityTypeConfiguration<WorkPlan>
{
    public void Configure(EntityTypeBuilder<WorkPlan> b)
    {
        b.ToTable("WorkPlans");
        b.Property(x => x.Kind).HasMaxLength(20);
        b.Property(x => x.Title).HasMaxLength(1000);
        b.Property(x => x.AcademicYear).HasMaxLength(20);
        b.Property(x => x.Status).HasMaxLength(20);
        b.Property(x => x.ApprovedBy).HasMaxLength(256);
        b.Property(x => x.ApprovalDocument).HasMaxLength(300);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasOne(x => x.Association).WithMany().HasForeignKey(x => x.AssociationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Items).WithOne(x => x.Plan).HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.AssociationId, x.AcademicYear });
        b.HasIndex(x => x.MunicipalityId);
    }
}

internal sealed class PlanItemConfiguration : IEntityTypeConfiguration<PlanItem>
{
    public void Configure(EntityTypeBuilder<PlanItem> b)
    {
        b.ToTable("PlanItems");
        b.Property(x => x.Title).HasMaxLength(1000);
        b.Property(x => x.Content).HasMaxLength(4000);
        b.Property(x => x.Kind).HasMaxLength(20);
        b.Property(x => x.Timing).HasMaxLength(20);
        b.Property(x => x.TimingNote).HasMaxLength(300);
        b.Property(x => x.ResponsibleText).HasMaxLength(2000);
        b.Property(x => x.Outcome).HasMaxLength(20);
        b.Property(x => x.OutcomeReason).HasMaxLength(1000);
        b.HasOne(x => x.VenueOrganization).WithMany().HasForeignKey(x => x.VenueOrganizationId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Responsible).WithOne().HasForeignKey(x => x.PlanItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.PlanId);
    }
}

internal sealed class PlanItemResponsibleConfiguration : IEntityTypeConfiguration<PlanItemResponsible>
{
    public void Configure(EntityTypeBuilder<PlanItemResponsible> b)
    {
        b.ToTable("PlanItemResponsible");
        b.HasKey(x => new { x.PlanItemId, x.PersonId });
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.PersonId);
    }
}

internal sealed class ProtocolConfiguration : IEntityTypeConfiguration<Protocol>
{
    public void Configure(EntityTypeBuilder<Protocol> b)
    {
        b.ToTable("Protocols");
        b.Property(x => x.Venue).HasMaxLength(500);
        b.Property(x => x.Chair).HasMaxLength(300);
        b.Property(x => x.Secretary).HasMaxLength(300);
        b.Property(x => x.Agenda).HasMaxLength(4000);
        b.Property(x => x.Heard).HasMaxLength(20000);
        b.Property(x => x.Decided).HasMaxLength(8000);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasOne(x => x.Association).WithMany().HasForeignKey(x => x.AssociationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Attendees).WithOne().HasForeignKey(x => x.ProtocolId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Assignments).WithOne(x => x.Protocol).HasForeignKey(x => x.ProtocolId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.AssociationId, x.Number });
        b.HasIndex(x => x.EventId);
    }
}

internal sealed class ProtocolAttendeeConfiguration : IEntityTypeConfiguration<ProtocolAttendee>
{
    public void Configure(EntityTypeBuilder<ProtocolAttendee> b)
    {
        b.ToTable("ProtocolAttendees");
        b.HasKey(x => new { x.ProtocolId, x.MemberId });
        b.Property(x => x.FullName).HasMaxLength(300);
    }
}

internal sealed class ProtocolAssignmentConfiguration : IEntityTypeConfiguration<ProtocolAssignment>
{
    public void Configure(EntityTypeBuilder<ProtocolAssignment> b)
    {
        b.ToTable("ProtocolAssignments");
        b.Property(x => x.Text).HasMaxLength(2000);
        b.Property(x => x.ResponsibleText).HasMaxLength(500);
        b.Property(x => x.DoneNote).HasMaxLength(1000);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.ResponsiblePersonId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => x.ProtocolId);
        b.HasIndex(x => x.ResponsiblePersonId);
    }
}

internal sealed class AssociationReportConfiguration : IEntityTypeConfiguration<AssociationReport>
{
    public void Configure(EntityTypeBuilder<AssociationReport> b)
    {
        b.ToTable("AssociationReports");
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Status).HasMaxLength(20);
        b.Property(x => x.Summary).HasMaxLength(20000);
        b.Property(x => x.Problems).HasMaxLength(8000);
        b.Property(x => x.Proposals).HasMaxLength(8000);
        b.Property(x => x.SubmittedBy).HasMaxLength(256);
        b.HasOne(x => x.Association).WithMany().HasForeignKey(x => x.AssociationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.AssociationId, x.DueOn });
    }
}
