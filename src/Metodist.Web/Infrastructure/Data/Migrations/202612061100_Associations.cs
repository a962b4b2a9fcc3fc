using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Metodist.Web.Infrastructure.Data.Migrations;

/// <summary>
/// Methodical associations and their year: members, programmes with stages and sources, work plans and road maps with
/// items, events with registrations, responsible people, audience, areas and materials, protocols with attendees and
/// assignments, and reports; route items point at the event they stand for. Written by hand as docs/adr/0002 describes.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("202612061100_Associations")]
public sealed class Associations : Migration
{
    private static readonly string[] Tables =
    [
        "AssociationReports", "ProtocolAssignments", "ProtocolAttendees", "Protocols", "EventMaterials", "EventPositions", "EventSubjects",
        "EventAreas", "EventResponsible", "EventRegistrations", "Events", "PlanItemResponsible", "PlanItems", "WorkPlans", "ProgrammeSources",
        "ProgrammeStages", "Programmes", "AssociationMembers", "Associations",
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var m = migrationBuilder;
        m.CreateTable("Associations", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            BaseOrganizationId = t.Column<Guid>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            CreatedBy = t.Column<string>(maxLength: 256, nullable: false),
            Description = t.Column<string>(maxLength: 4000, nullable: true),
            DistrictId = t.Column<Guid>(nullable: true),
            IsArchived = t.Column<bool>(nullable: false),
            Kind = t.Column<string>(maxLength: 30, nullable: false),
            LeaderOrderDate = t.Column<DateOnly>(nullable: true),
            LeaderOrderNumber = t.Column<string>(maxLength: 50, nullable: true),
            LeaderPersonId = t.Column<Guid>(nullable: true),
            LeaderTitle = t.Column<string>(maxLength: 300, nullable: true),
            Level = t.Column<string>(maxLength: 20, nullable: false),
            MunicipalityId = t.Column<Guid>(nullable: true),
            Name = t.Column<string>(maxLength: 500, nullable: false),
            OrganizationId = t.Column<Guid>(nullable: true),
            RegionId = t.Column<Guid>(nullable: false),
            ReportDates = t.Column<string>(maxLength: 100, nullable: false),
            Subject = t.Column<string>(maxLength: 300, nullable: false),
            SubjectId = t.Column<Guid>(nullable: true),
            UpdatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Associations", x => x.Id);
            t.ForeignKey("FK_Associations_Regions_RegionId", x => x.RegionId, "Regions", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_Associations_Municipalities_MunicipalityId", x => x.MunicipalityId, "Municipalities", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_Associations_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_Associations_Organizations_BaseOrganizationId", x => x.BaseOrganizationId, "Organizations", "Id", onDelete: ReferentialAction.SetNull);
            t.ForeignKey("FK_Associations_Persons_LeaderPersonId", x => x.LeaderPersonId, "Persons", "Id", onDelete: ReferentialAction.SetNull);
        });
        m.CreateIndex("IX_Associations_RegionId_Level", "Associations", ["RegionId", "Level"]);
        m.CreateIndex("IX_Associations_MunicipalityId", "Associations", "MunicipalityId");
        m.CreateIndex("IX_Associations_OrganizationId", "Associations", "OrganizationId");
        m.CreateIndex("IX_Associations_BaseOrganizationId", "Associations", "BaseOrganizationId");
        m.CreateIndex("IX_Associations_LeaderPersonId", "Associations", "LeaderPersonId");

        m.CreateTable("AssociationMembers", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            AssociationId = t.Column<Guid>(nullable: false),
            DecidedBy = t.Column<string>(maxLength: 256, nullable: true),
            FullName = t.Column<string>(maxLength: 300, nullable: false),
            JoinedOn = t.Column<DateOnly>(nullable: true),
            OrganizationName = t.Column<string>(maxLength: 500, nullable: true),
            PersonId = t.Column<Guid>(nullable: true),
            Position = t.Column<string>(maxLength: 300, nullable: true),
            RequestComment = t.Column<string>(maxLength: 1000, nullable: true),
            RequestedAt = t.Column<DateTime>(nullable: false),
            Role = t.Column<string>(maxLength: 20, nullable: false),
            SortOrder = t.Column<int>(nullable: false),
            Status = t.Column<string>(maxLength: 20, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AssociationMembers", x => x.Id);
            t.ForeignKey("FK_AssociationMembers_Associations_AssociationId", x => x.AssociationId, "Associations", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_AssociationMembers_Persons_PersonId", x => x.PersonId, "Persons", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_AssociationMembers_AssociationId", "AssociationMembers", "AssociationId");
        m.CreateIndex("IX_AssociationMembers_PersonId", "AssociationMembers", "PersonId");

        m.CreateTable("Programmes", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            AssociationId = t.Column<Guid>(nullable: true),
            BasisDocuments = t.Column<string>(maxLength: 8000, nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            Customer = t.Column<string>(maxLength: 2000, nullable: true),
            Developers = t.Column<string>(maxLength: 2000, nullable: true),
            ExpectedResults = t.Column<string>(maxLength: 4000, nullable: true),
            ExplanatoryNote = t.Column<string>(maxLength: 20000, nullable: true),
            FormsOfWork = t.Column<string>(maxLength: 2000, nullable: true),
            Goal = t.Column<string>(maxLength: 2000, nullable: true),
            IsPublished = t.Column<bool>(nullable: false),
            MunicipalityId = t.Column<Guid>(nullable: true),
            Name = t.Column<string>(maxLength: 1000, nullable: false),
            Period = t.Column<string>(maxLength: 300, nullable: true),
            TargetAudience = t.Column<string>(maxLength: 2000, nullable: true),
            Tasks = t.Column<string>(maxLength: 4000, nullable: true),
            UpdatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Programmes", x => x.Id);
            t.ForeignKey("FK_Programmes_Associations_AssociationId", x => x.AssociationId, "Associations", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_Programmes_Municipalities_MunicipalityId", x => x.MunicipalityId, "Municipalities", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_Programmes_AssociationId", "Programmes", "AssociationId");
        m.CreateIndex("IX_Programmes_MunicipalityId", "Programmes", "MunicipalityId");

        m.CreateTable("ProgrammeStages", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Dates = t.Column<string>(maxLength: 300, nullable: true),
            ExpectedResult = t.Column<string>(maxLength: 2000, nullable: true),
            Means = t.Column<string>(maxLength: 2000, nullable: true),
            Name = t.Column<string>(maxLength: 300, nullable: false),
            Number = t.Column<int>(nullable: false),
            ProgrammeId = t.Column<Guid>(nullable: false),
            Tasks = t.Column<string>(maxLength: 4000, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ProgrammeStages", x => x.Id);
            t.ForeignKey("FK_ProgrammeStages_Programmes_ProgrammeId", x => x.ProgrammeId, "Programmes", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_ProgrammeStages_ProgrammeId", "ProgrammeStages", "ProgrammeId");

        m.CreateTable("ProgrammeSources", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Number = t.Column<int>(nullable: false),
            ProgrammeId = t.Column<Guid>(nullable: false),
            Text = t.Column<string>(maxLength: 2000, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ProgrammeSources", x => x.Id);
            t.ForeignKey("FK_ProgrammeSources_Programmes_ProgrammeId", x => x.ProgrammeId, "Programmes", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_ProgrammeSources_ProgrammeId", "ProgrammeSources", "ProgrammeId");

        m.CreateTable("WorkPlans", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            AcademicYear = t.Column<string>(maxLength: 20, nullable: false),
            ApprovalDocument = t.Column<string>(maxLength: 300, nullable: true),
            ApprovedBy = t.Column<string>(maxLength: 256, nullable: true),
            ApprovedOn = t.Column<DateOnly>(nullable: true),
            AssociationId = t.Column<Guid>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            CreatedBy = t.Column<string>(maxLength: 256, nullable: false),
            Kind = t.Column<string>(maxLength: 20, nullable: false),
            MunicipalityId = t.Column<Guid>(nullable: true),
            PublishedAt = t.Column<DateTime>(nullable: true),
            Status = t.Column<string>(maxLength: 20, nullable: false),
            Title = t.Column<string>(maxLength: 1000, nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_WorkPlans", x => x.Id);
            t.ForeignKey("FK_WorkPlans_Associations_AssociationId", x => x.AssociationId, "Associations", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_WorkPlans_Municipalities_MunicipalityId", x => x.MunicipalityId, "Municipalities", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_WorkPlans_AssociationId_AcademicYear", "WorkPlans", ["AssociationId", "AcademicYear"]);
        m.CreateIndex("IX_WorkPlans_MunicipalityId", "WorkPlans", "MunicipalityId");

        m.CreateTable("PlanItems", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Content = t.Column<string>(maxLength: 4000, nullable: true),
            Date = t.Column<DateOnly>(nullable: true),
            EndMonth = t.Column<int>(nullable: true),
            Kind = t.Column<string>(maxLength: 20, nullable: true),
            Month = t.Column<int>(nullable: true),
            Number = t.Column<int>(nullable: false),
            Outcome = t.Column<string>(maxLength: 20, nullable: false),
            OutcomeDate = t.Column<DateOnly>(nullable: true),
            OutcomeReason = t.Column<string>(maxLength: 1000, nullable: true),
            PlanId = t.Column<Guid>(nullable: false),
            ResponsibleText = t.Column<string>(maxLength: 2000, nullable: true),
            Timing = t.Column<string>(maxLength: 20, nullable: false),
            TimingNote = t.Column<string>(maxLength: 300, nullable: true),
            Title = t.Column<string>(maxLength: 1000, nullable: false),
            VenueOrganizationId = t.Column<Guid>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_PlanItems", x => x.Id);
            t.ForeignKey("FK_PlanItems_WorkPlans_PlanId", x => x.PlanId, "WorkPlans", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_PlanItems_Organizations_VenueOrganizationId", x => x.VenueOrganizationId, "Organizations", "Id", onDelete: ReferentialAction.SetNull);
        });
        m.CreateIndex("IX_PlanItems_PlanId", "PlanItems", "PlanId");
        m.CreateIndex("IX_PlanItems_VenueOrganizationId", "PlanItems", "VenueOrganizationId");

        m.CreateTable("PlanItemResponsible", t => new
        {
            PlanItemId = t.Column<Guid>(nullable: false),
            PersonId = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_PlanItemResponsible", x => new { x.PlanItemId, x.PersonId });
            t.ForeignKey("FK_PlanItemResponsible_PlanItems_PlanItemId", x => x.PlanItemId, "PlanItems", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_PlanItemResponsible_Persons_PersonId", x => x.PersonId, "Persons", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_PlanItemResponsible_PersonId", "PlanItemResponsible", "PersonId");

        m.CreateTable("Events", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            AssociationId = t.Column<Guid>(nullable: true),
            Audience = t.Column<string>(maxLength: 1000, nullable: true),
            CancelReason = t.Column<string>(maxLength: 1000, nullable: true),
            Capacity = t.Column<int>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            CreatedBy = t.Column<string>(maxLength: 256, nullable: false),
            Description = t.Column<string>(maxLength: 8000, nullable: true),
            EndsAt = t.Column<DateTime>(nullable: false),
            Hours = t.Column<decimal>(precision: 5, scale: 1, nullable: true),
            Kind = t.Column<string>(maxLength: 20, nullable: false),
            MunicipalityId = t.Column<Guid>(nullable: true),
            OnlineUrl = t.Column<string>(maxLength: 1000, nullable: true),
            PlanItemId = t.Column<Guid>(nullable: true),
            PublishedAt = t.Column<DateTime>(nullable: true),
            RegionId = t.Column<Guid>(nullable: false),
            StartsAt = t.Column<DateTime>(nullable: false),
            Status = t.Column<string>(maxLength: 20, nullable: false),
            Title = t.Column<string>(maxLength: 1000, nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            VenueNote = t.Column<string>(maxLength: 500, nullable: true),
            VenueOrganizationId = t.Column<Guid>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Events", x => x.Id);
            t.ForeignKey("FK_Events_Associations_AssociationId", x => x.AssociationId, "Associations", "Id", onDelete: ReferentialAction.SetNull);
            t.ForeignKey("FK_Events_Municipalities_MunicipalityId", x => x.MunicipalityId, "Municipalities", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_Events_Regions_RegionId", x => x.RegionId, "Regions", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_Events_PlanItems_PlanItemId", x => x.PlanItemId, "PlanItems", "Id", onDelete: ReferentialAction.SetNull);
            t.ForeignKey("FK_Events_Organizations_VenueOrganizationId", x => x.VenueOrganizationId, "Organizations", "Id", onDelete: ReferentialAction.SetNull);
        });
        m.CreateIndex("IX_Events_Status_StartsAt", "Events", ["Status", "StartsAt"]);
        m.CreateIndex("IX_Events_AssociationId", "Events", "AssociationId");
        m.CreateIndex("IX_Events_MunicipalityId", "Events", "MunicipalityId");
        m.CreateIndex("IX_Events_PlanItemId", "Events", "PlanItemId");
        m.CreateIndex("IX_Events_RegionId", "Events", "RegionId");
        m.CreateIndex("IX_Events_VenueOrganizationId", "Events", "VenueOrganizationId");

        m.CreateTable("EventRegistrations", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Attended = t.Column<bool>(nullable: false),
            AttendanceMarkedAt = t.Column<DateTime>(nullable: true),
            CertificateNumber = t.Column<string>(maxLength: 50, nullable: true),
            EventId = t.Column<Guid>(nullable: false),
            PersonId = t.Column<Guid>(nullable: false),
            RegisteredAt = t.Column<DateTime>(nullable: false),
            RegisteredBy = t.Column<string>(maxLength: 256, nullable: false),
            Status = t.Column<string>(maxLength: 20, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_EventRegistrations", x => x.Id);
            t.ForeignKey("FK_EventRegistrations_Events_EventId", x => x.EventId, "Events", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_EventRegistrations_Persons_PersonId", x => x.PersonId, "Persons", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_EventRegistrations_EventId_PersonId", "EventRegistrations", ["EventId", "PersonId"], unique: true);
        m.CreateIndex("IX_EventRegistrations_PersonId", "EventRegistrations", "PersonId");

        m.CreateTable("EventResponsible", t => new
        {
            EventId = t.Column<Guid>(nullable: false),
            PersonId = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_EventResponsible", x => new { x.EventId, x.PersonId });
            t.ForeignKey("FK_EventResponsible_Events_EventId", x => x.EventId, "Events", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_EventResponsible_Persons_PersonId", x => x.PersonId, "Persons", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_EventResponsible_PersonId", "EventResponsible", "PersonId");

        m.CreateTable("EventAreas", t => new
        {
            EventId = t.Column<Guid>(nullable: false),
            AreaId = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_EventAreas", x => new { x.EventId, x.AreaId });
            t.ForeignKey("FK_EventAreas_Events_EventId", x => x.EventId, "Events", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_EventAreas_CompetenceAreas_AreaId", x => x.AreaId, "CompetenceAreas", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_EventAreas_AreaId", "EventAreas", "AreaId");

        m.CreateTable("EventSubjects", t => new
        {
            EventId = t.Column<Guid>(nullable: false),
            SubjectId = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_EventSubjects", x => new { x.EventId, x.SubjectId });
            t.ForeignKey("FK_EventSubjects_Events_EventId", x => x.EventId, "Events", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_EventSubjects_Subjects_SubjectId", x => x.SubjectId, "Subjects", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_EventSubjects_SubjectId", "EventSubjects", "SubjectId");

        m.CreateTable("EventPositions", t => new
        {
            EventId = t.Column<Guid>(nullable: false),
            PositionId = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_EventPositions", x => new { x.EventId, x.PositionId });
            t.ForeignKey("FK_EventPositions_Events_EventId", x => x.EventId, "Events", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_EventPositions_Positions_PositionId", x => x.PositionId, "Positions", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_EventPositions_PositionId", "EventPositions", "PositionId");

        m.CreateTable("EventMaterials", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            AddedAt = t.Column<DateTime>(nullable: false),
            EventId = t.Column<Guid>(nullable: false),
            FileId = t.Column<Guid>(nullable: false),
            Title = t.Column<string>(maxLength: 500, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_EventMaterials", x => x.Id);
            t.ForeignKey("FK_EventMaterials_Events_EventId", x => x.EventId, "Events", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_EventMaterials_StoredFiles_FileId", x => x.FileId, "StoredFiles", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_EventMaterials_EventId", "EventMaterials", "EventId");
        m.CreateIndex("IX_EventMaterials_FileId", "EventMaterials", "FileId");

        m.CreateTable("Protocols", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Agenda = t.Column<string>(maxLength: 4000, nullable: false),
            AssociationId = t.Column<Guid>(nullable: false),
            Chair = t.Column<string>(maxLength: 300, nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            CreatedBy = t.Column<string>(maxLength: 256, nullable: false),
            Date = t.Column<DateOnly>(nullable: false),
            Decided = t.Column<string>(maxLength: 8000, nullable: true),
            EventId = t.Column<Guid>(nullable: true),
            Guests = t.Column<int>(nullable: false),
            Heard = t.Column<string>(maxLength: 20000, nullable: true),
            Number = t.Column<int>(nullable: false),
            Secretary = t.Column<string>(maxLength: 300, nullable: true),
            Venue = t.Column<string>(maxLength: 500, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Protocols", x => x.Id);
            t.ForeignKey("FK_Protocols_Associations_AssociationId", x => x.AssociationId, "Associations", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_Protocols_AssociationId_Number", "Protocols", ["AssociationId", "Number"]);
        m.CreateIndex("IX_Protocols_EventId", "Protocols", "EventId");

        m.CreateTable("ProtocolAttendees", t => new
        {
            ProtocolId = t.Column<Guid>(nullable: false),
            MemberId = t.Column<Guid>(nullable: false),
            FullName = t.Column<string>(maxLength: 300, nullable: false),
            Present = t.Column<bool>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ProtocolAttendees", x => new { x.ProtocolId, x.MemberId });
            t.ForeignKey("FK_ProtocolAttendees_Protocols_ProtocolId", x => x.ProtocolId, "Protocols", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("ProtocolAssignments", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Deadline = t.Column<DateOnly>(nullable: true),
            DoneNote = t.Column<string>(maxLength: 1000, nullable: true),
            DoneOn = t.Column<DateOnly>(nullable: true),
            Number = t.Column<int>(nullable: false),
            ProtocolId = t.Column<Guid>(nullable: false),
            ResponsiblePersonId = t.Column<Guid>(nullable: true),
            ResponsibleText = t.Column<string>(maxLength: 500, nullable: true),
            Text = t.Column<string>(maxLength: 2000, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ProtocolAssignments", x => x.Id);
            t.ForeignKey("FK_ProtocolAssignments_Protocols_ProtocolId", x => x.ProtocolId, "Protocols", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_ProtocolAssignments_Persons_ResponsiblePersonId", x => x.ResponsiblePersonId, "Persons", "Id", onDelete: ReferentialAction.SetNull);
        });
        m.CreateIndex("IX_ProtocolAssignments_ProtocolId", "ProtocolAssignments", "ProtocolId");
        m.CreateIndex("IX_ProtocolAssignments_ResponsiblePersonId", "ProtocolAssignments", "ResponsiblePersonId");

        m.CreateTable("AssociationReports", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            AssociationId = t.Column<Guid>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            DueOn = t.Column<DateOnly>(nullable: false),
            PeriodEnd = t.Column<DateOnly>(nullable: false),
            PeriodStart = t.Column<DateOnly>(nullable: false),
            PlanId = t.Column<Guid>(nullable: true),
            Problems = t.Column<string>(maxLength: 8000, nullable: true),
            Proposals = t.Column<string>(maxLength: 8000, nullable: true),
            Status = t.Column<string>(maxLength: 20, nullable: false),
            SubmittedAt = t.Column<DateTime>(nullable: true),
            SubmittedBy = t.Column<string>(maxLength: 256, nullable: true),
            Summary = t.Column<string>(maxLength: 20000, nullable: true),
            Title = t.Column<string>(maxLength: 300, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AssociationReports", x => x.Id);
            t.ForeignKey("FK_AssociationReports_Associations_AssociationId", x => x.AssociationId, "Associations", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_AssociationReports_AssociationId_DueOn", "AssociationReports", ["AssociationId", "DueOn"]);

        m.AddColumn<Guid>("EventId", "RouteItems", nullable: true);
        m.CreateIndex("IX_RouteItems_EventId", "RouteItems", "EventId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_RouteItems_EventId", "RouteItems");
        migrationBuilder.DropColumn("EventId", "RouteItems");
        foreach (var table in Tables) migrationBuilder.DropTable(table);
    }
}
