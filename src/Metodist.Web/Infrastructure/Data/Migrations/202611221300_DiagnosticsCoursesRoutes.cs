using Metodist.Web.Features.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Metodist.Web.Infrastructure.Data.Migrations;

/// <summary>
/// The competence framework, diagnostics and their results, the course catalogue with enrolments,
/// stored files, and individual educational routes (ИОМ). Written by hand as docs/adr/0002 describes.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("202611221300_DiagnosticsCoursesRoutes")]
public sealed class DiagnosticsCoursesRoutes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var m = migrationBuilder;
        m.CreateTable("CompetenceAreas", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Code = t.Column<string>(maxLength: 40, nullable: false),
            Description = t.Column<string>(maxLength: 2000, nullable: true),
            IsActive = t.Column<bool>(nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            SortOrder = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_CompetenceAreas", x => x.Id);
        });
        m.CreateIndex("IX_CompetenceAreas_Code", "CompetenceAreas", "Code", unique: true);

        m.CreateTable("Diagnostics", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            CreatedBy = t.Column<string>(maxLength: 256, nullable: false),
            Description = t.Column<string>(maxLength: 4000, nullable: true),
            IsPublished = t.Column<bool>(nullable: false),
            Kind = t.Column<string>(maxLength: 20, nullable: false),
            NoDeficitFrom = t.Column<int>(nullable: false),
            PartialFrom = t.Column<int>(nullable: false),
            TimeLimitMinutes = t.Column<int>(nullable: true),
            Title = t.Column<string>(maxLength: 300, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Diagnostics", x => x.Id);
        });

        m.CreateTable("DiagnosticQuestions", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            AreaId = t.Column<Guid>(nullable: false),
            DiagnosticId = t.Column<Guid>(nullable: false),
            MultipleChoice = t.Column<bool>(nullable: false),
            Number = t.Column<int>(nullable: false),
            Text = t.Column<string>(maxLength: 2000, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_DiagnosticQuestions", x => x.Id);
            t.ForeignKey("FK_DiagnosticQuestions_CompetenceAreas_AreaId", x => x.AreaId, "CompetenceAreas", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_DiagnosticQuestions_Diagnostics_DiagnosticId", x => x.DiagnosticId, "Diagnostics", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_DiagnosticQuestions_AreaId", "DiagnosticQuestions", "AreaId");
        m.CreateIndex("IX_DiagnosticQuestions_DiagnosticId_Number", "DiagnosticQuestions", ["DiagnosticId", "Number"]);

        m.CreateTable("DiagnosticOptions", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            IsCorrect = t.Column<bool>(nullable: false),
            Number = t.Column<int>(nullable: false),
            QuestionId = t.Column<Guid>(nullable: false),
            Text = t.Column<string>(maxLength: 1000, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_DiagnosticOptions", x => x.Id);
            t.ForeignKey("FK_DiagnosticOptions_DiagnosticQuestions_QuestionId", x => x.QuestionId, "DiagnosticQuestions", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_DiagnosticOptions_QuestionId", "DiagnosticOptions", "QuestionId");

        m.CreateTable("DiagnosticCampaigns", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            CreatedBy = t.Column<string>(maxLength: 256, nullable: false),
            Deadline = t.Column<DateOnly>(nullable: false),
            DiagnosticId = t.Column<Guid>(nullable: false),
            DistrictId = t.Column<Guid>(nullable: true),
            MunicipalityId = t.Column<Guid>(nullable: true),
            OrganizationId = t.Column<Guid>(nullable: true),
            PositionId = t.Column<Guid>(nullable: true),
            RegionId = t.Column<Guid>(nullable: false),
            StartsOn = t.Column<DateOnly>(nullable: false),
            SubjectId = t.Column<Guid>(nullable: true),
            Title = t.Column<string>(maxLength: 300, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_DiagnosticCampaigns", x => x.Id);
            t.ForeignKey("FK_DiagnosticCampaigns_Diagnostics_DiagnosticId", x => x.DiagnosticId, "Diagnostics", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_DiagnosticCampaigns_Deadline", "DiagnosticCampaigns", "Deadline");
        m.CreateIndex("IX_DiagnosticCampaigns_DiagnosticId", "DiagnosticCampaigns", "DiagnosticId");

        m.CreateTable("DiagnosticAttempts", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            CampaignId = t.Column<Guid>(nullable: true),
            DiagnosticId = t.Column<Guid>(nullable: false),
            FinishedAt = t.Column<DateTime>(nullable: true),
            PersonId = t.Column<Guid>(nullable: false),
            ResultId = t.Column<Guid>(nullable: true),
            StartedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_DiagnosticAttempts", x => x.Id);
            t.ForeignKey("FK_DiagnosticAttempts_Diagnostics_DiagnosticId", x => x.DiagnosticId, "Diagnostics", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_DiagnosticAttempts_Persons_PersonId", x => x.PersonId, "Persons", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_DiagnosticAttempts_DiagnosticId", "DiagnosticAttempts", "DiagnosticId");
        m.CreateIndex("IX_DiagnosticAttempts_PersonId", "DiagnosticAttempts", "PersonId");

        m.CreateTable("AttemptAnswers", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            AnsweredAt = t.Column<DateTime>(nullable: false),
            AttemptId = t.Column<Guid>(nullable: false),
            Chosen = t.Column<string>(maxLength: 100, nullable: false),
            QuestionId = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AttemptAnswers", x => x.Id);
            t.ForeignKey("FK_AttemptAnswers_DiagnosticAttempts_AttemptId", x => x.AttemptId, "DiagnosticAttempts", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_AttemptAnswers_AttemptId_QuestionId", "AttemptAnswers", ["AttemptId", "QuestionId"], unique: true);

        m.CreateTable("DiagnosticResults", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            CampaignId = t.Column<Guid>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            DiagnosticId = t.Column<Guid>(nullable: false),
            ImportJobId = t.Column<Guid>(nullable: true),
            Level = t.Column<string>(maxLength: 20, nullable: false),
            PersonId = t.Column<Guid>(nullable: false),
            Score = t.Column<int>(nullable: false),
            TakenOn = t.Column<DateOnly>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_DiagnosticResults", x => x.Id);
            t.ForeignKey("FK_DiagnosticResults_Diagnostics_DiagnosticId", x => x.DiagnosticId, "Diagnostics", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_DiagnosticResults_Persons_PersonId", x => x.PersonId, "Persons", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_DiagnosticResults_DiagnosticId_TakenOn", "DiagnosticResults", ["DiagnosticId", "TakenOn"]);
        m.CreateIndex("IX_DiagnosticResults_PersonId_TakenOn", "DiagnosticResults", ["PersonId", "TakenOn"]);

        m.CreateTable("DiagnosticResultAreas", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            AreaId = t.Column<Guid>(nullable: false),
            Level = t.Column<string>(maxLength: 20, nullable: false),
            ResultId = t.Column<Guid>(nullable: false),
            Score = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_DiagnosticResultAreas", x => x.Id);
            t.ForeignKey("FK_DiagnosticResultAreas_CompetenceAreas_AreaId", x => x.AreaId, "CompetenceAreas", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_DiagnosticResultAreas_DiagnosticResults_ResultId", x => x.ResultId, "DiagnosticResults", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_DiagnosticResultAreas_ResultId", "DiagnosticResultAreas", "ResultId");
        m.CreateIndex("IX_DiagnosticResultAreas_AreaId_Level", "DiagnosticResultAreas", ["AreaId", "Level"]);

        m.CreateTable("StoredFiles", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Content = t.Column<byte[]>(nullable: false),
            ContentType = t.Column<string>(maxLength: 200, nullable: false),
            FileName = t.Column<string>(maxLength: 400, nullable: false),
            PersonId = t.Column<Guid>(nullable: true),
            Size = t.Column<long>(nullable: false),
            UploadedAt = t.Column<DateTime>(nullable: false),
            UploadedBy = t.Column<string>(maxLength: 256, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_StoredFiles", x => x.Id);
        });
        m.CreateIndex("IX_StoredFiles_PersonId", "StoredFiles", "PersonId");

        m.CreateTable("Courses", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            Description = t.Column<string>(maxLength: 4000, nullable: true),
            EndsOn = t.Column<DateOnly>(nullable: true),
            FederalRegistry = t.Column<bool>(nullable: false),
            Form = t.Column<string>(maxLength: 20, nullable: false),
            Hours = t.Column<int>(nullable: false),
            Kind = t.Column<string>(maxLength: 20, nullable: false),
            Provider = t.Column<string>(maxLength: 300, nullable: false),
            Quota = t.Column<int>(nullable: true),
            SearchTitle = t.Column<string>(maxLength: 900, nullable: false),
            StartsOn = t.Column<DateOnly>(nullable: true),
            SubjectId = t.Column<Guid>(nullable: true),
            Title = t.Column<string>(maxLength: 500, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Courses", x => x.Id);
            t.ForeignKey("FK_Courses_Subjects_SubjectId", x => x.SubjectId, "Subjects", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_Courses_SearchTitle", "Courses", "SearchTitle");
        m.CreateIndex("IX_Courses_StartsOn", "Courses", "StartsOn");
        m.CreateIndex("IX_Courses_SubjectId", "Courses", "SubjectId");

        m.CreateTable("CourseAreas", t => new
        {
            CourseId = t.Column<Guid>(nullable: false),
            AreaId = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_CourseAreas", x => new { x.CourseId, x.AreaId });
            t.ForeignKey("FK_CourseAreas_CompetenceAreas_AreaId", x => x.AreaId, "CompetenceAreas", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_CourseAreas_Courses_CourseId", x => x.CourseId, "Courses", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_CourseAreas_AreaId", "CourseAreas", "AreaId");

        m.CreateTable("Enrolments", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            CertificateFileId = t.Column<Guid>(nullable: true),
            CertificateNumber = t.Column<string>(maxLength: 100, nullable: true),
            CompletedOn = t.Column<DateOnly>(nullable: true),
            CourseId = t.Column<Guid>(nullable: false),
            EnrolledAt = t.Column<DateTime>(nullable: false),
            EnrolledBy = t.Column<string>(maxLength: 256, nullable: false),
            PersonId = t.Column<Guid>(nullable: false),
            Status = t.Column<string>(maxLength: 20, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Enrolments", x => x.Id);
            t.ForeignKey("FK_Enrolments_StoredFiles_CertificateFileId", x => x.CertificateFileId, "StoredFiles", "Id", onDelete: ReferentialAction.SetNull);
            t.ForeignKey("FK_Enrolments_Courses_CourseId", x => x.CourseId, "Courses", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_Enrolments_Persons_PersonId", x => x.PersonId, "Persons", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_Enrolments_CertificateFileId", "Enrolments", "CertificateFileId");
        m.CreateIndex("IX_Enrolments_PersonId", "Enrolments", "PersonId");
        m.CreateIndex("IX_Enrolments_CourseId_Status", "Enrolments", ["CourseId", "Status"]);

        m.CreateTable("Routes", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            CreatedBy = t.Column<string>(maxLength: 256, nullable: false),
            DeficitLevel = t.Column<string>(maxLength: 20, nullable: true),
            EndsOn = t.Column<DateOnly>(nullable: false),
            Goal = t.Column<string>(maxLength: 2000, nullable: false),
            MunicipalityId = t.Column<Guid>(nullable: true),
            MunicipalityName = t.Column<string>(maxLength: 200, nullable: true),
            OrganizationAgreedAt = t.Column<DateTime>(nullable: true),
            OrganizationAgreedBy = t.Column<string>(maxLength: 256, nullable: true),
            OrganizationId = t.Column<Guid>(nullable: true),
            OrganizationName = t.Column<string>(maxLength: 500, nullable: true),
            PersonId = t.Column<Guid>(nullable: false),
            PositionName = t.Column<string>(maxLength: 200, nullable: true),
            ResultId = t.Column<Guid>(nullable: true),
            StartsOn = t.Column<DateOnly>(nullable: false),
            Status = t.Column<string>(maxLength: 20, nullable: false),
            SubjectName = t.Column<string>(maxLength: 400, nullable: true),
            TestDate = t.Column<DateOnly>(nullable: true),
            TutorPersonId = t.Column<Guid>(nullable: true),
            UpdatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Routes", x => x.Id);
            t.ForeignKey("FK_Routes_Persons_PersonId", x => x.PersonId, "Persons", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_Routes_Persons_TutorPersonId", x => x.TutorPersonId, "Persons", "Id", onDelete: ReferentialAction.SetNull);
        });
        m.CreateIndex("IX_Routes_TutorPersonId", "Routes", "TutorPersonId");
        m.CreateIndex("IX_Routes_PersonId_Status", "Routes", ["PersonId", "Status"]);
        m.CreateIndex("IX_Routes_Status_MunicipalityId", "Routes", ["Status", "MunicipalityId"]);

        m.CreateTable("RouteItems", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            CourseId = t.Column<Guid>(nullable: true),
            Deadline = t.Column<DateOnly>(nullable: true),
            DeficitAreaId = t.Column<Guid>(nullable: true),
            Details = t.Column<string>(maxLength: 1000, nullable: true),
            DoneOn = t.Column<DateOnly>(nullable: true),
            EnrolmentId = t.Column<Guid>(nullable: true),
            Evidence = t.Column<string>(maxLength: 500, nullable: true),
            Hours = t.Column<int>(nullable: true),
            IsDone = t.Column<bool>(nullable: false),
            PersonId = t.Column<Guid>(nullable: false),
            Reason = t.Column<string>(maxLength: 1000, nullable: true),
            Reflection = t.Column<string>(maxLength: 4000, nullable: true),
            ReflectionAt = t.Column<DateTime>(nullable: true),
            RouteId = t.Column<Guid>(nullable: false),
            Section = t.Column<string>(maxLength: 20, nullable: false),
            SortOrder = t.Column<int>(nullable: false),
            Status = t.Column<string>(maxLength: 200, nullable: true),
            Title = t.Column<string>(maxLength: 500, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_RouteItems", x => x.Id);
            t.ForeignKey("FK_RouteItems_Courses_CourseId", x => x.CourseId, "Courses", "Id", onDelete: ReferentialAction.SetNull);
            t.ForeignKey("FK_RouteItems_CompetenceAreas_DeficitAreaId", x => x.DeficitAreaId, "CompetenceAreas", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_RouteItems_Enrolments_EnrolmentId", x => x.EnrolmentId, "Enrolments", "Id", onDelete: ReferentialAction.SetNull);
            t.ForeignKey("FK_RouteItems_Routes_RouteId", x => x.RouteId, "Routes", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_RouteItems_CourseId", "RouteItems", "CourseId");
        m.CreateIndex("IX_RouteItems_DeficitAreaId", "RouteItems", "DeficitAreaId");
        m.CreateIndex("IX_RouteItems_EnrolmentId", "RouteItems", "EnrolmentId");
        m.CreateIndex("IX_RouteItems_RouteId", "RouteItems", "RouteId");
        m.CreateIndex("IX_RouteItems_PersonId_CourseId", "RouteItems", ["PersonId", "CourseId"]);

        m.CreateTable("RouteTransitions", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            At = t.Column<DateTime>(nullable: false),
            Comment = t.Column<string>(maxLength: 2000, nullable: true),
            From = t.Column<string>(maxLength: 20, nullable: false),
            IsAgreement = t.Column<bool>(nullable: false),
            RouteId = t.Column<Guid>(nullable: false),
            To = t.Column<string>(maxLength: 20, nullable: false),
            UserId = t.Column<Guid>(nullable: true),
            UserName = t.Column<string>(maxLength: 256, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_RouteTransitions", x => x.Id);
            t.ForeignKey("FK_RouteTransitions_Routes_RouteId", x => x.RouteId, "Routes", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_RouteTransitions_RouteId", "RouteTransitions", "RouteId");

        var postgres = m.ActiveProvider?.Contains("Npgsql", StringComparison.Ordinal) == true;
        var guid = postgres ? "uuid" : "TEXT";
        var text = postgres ? "character varying(300)" : "TEXT";
        var integer = postgres ? "integer" : "INTEGER";
        var boolean = postgres ? "boolean" : "INTEGER";
        var timestamp = postgres ? "timestamp with time zone" : "TEXT";
        var order = 0;
        foreach (var (id, code, name) in DefaultAreas.All)
            m.InsertData("CompetenceAreas", ["Id", "Code", "Name", "SortOrder", "IsActive"], [guid, text, text, integer, boolean], [id, code, name, ++order, true]);
        m.InsertData("Diagnostics",
            ["Id", "Title", "Description", "Kind", "NoDeficitFrom", "PartialFrom", "IsPublished", "CreatedAt", "CreatedBy"],
            [guid, text, text, text, integer, integer, boolean, timestamp, text],
            [DefaultAreas.ExternalDiagnostic, "Внешняя оценка профессиональных компетенций",
                "Результаты оценки, проведённой вне системы (например, федеральной диагностики), загруженные из таблицы: балл 0–100 по каждой компетенции.",
                "External", 70, 40, true, new DateTime(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc), "система"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[]
                 {
                     "RouteTransitions", "RouteItems", "Routes", "Enrolments", "CourseAreas", "Courses", "StoredFiles", "DiagnosticResultAreas",
                     "DiagnosticResults", "AttemptAnswers", "DiagnosticAttempts", "DiagnosticCampaigns", "DiagnosticOptions", "DiagnosticQuestions",
                     "Diagnostics", "CompetenceAreas",
                 })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
