using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Metodist.Web.Infrastructure.Data.Migrations;

/// <summary>
/// The support network: mentoring pairs and groups with plans and meetings, adaptation questionnaires, the regional
/// methodical asset with assigned teachers, the consultation desk, in-product notifications and region settings; route
/// items of section 3 point at the mentoring pair they stand for. Written by hand as docs/adr/0002 describes.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("202611231000_SupportNetwork")]
public sealed class SupportNetwork : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var m = migrationBuilder;
        m.CreateTable("MentoringPairs", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            ClosedOn = t.Column<DateOnly>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            CreatedBy = t.Column<string>(maxLength: 256, nullable: false),
            EndDate = t.Column<DateOnly>(nullable: true),
            Evaluation = t.Column<string>(maxLength: 4000, nullable: true),
            EvaluationScore = t.Column<int>(nullable: true),
            Form = t.Column<string>(maxLength: 30, nullable: false),
            Goals = t.Column<string>(maxLength: 2000, nullable: true),
            Level = t.Column<string>(maxLength: 20, nullable: false),
            MentorPersonId = t.Column<Guid>(nullable: false),
            MunicipalityId = t.Column<Guid>(nullable: false),
            OrderDate = t.Column<DateOnly>(nullable: true),
            OrderNumber = t.Column<string>(maxLength: 50, nullable: true),
            OrganizationId = t.Column<Guid>(nullable: true),
            StartDate = t.Column<DateOnly>(nullable: false),
            Status = t.Column<string>(maxLength: 20, nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_MentoringPairs", x => x.Id);
            t.ForeignKey("FK_MentoringPairs_Persons_MentorPersonId", x => x.MentorPersonId, "Persons", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_MentoringPairs_Municipalities_MunicipalityId", x => x.MunicipalityId, "Municipalities", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_MentoringPairs_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.SetNull);
        });
        m.CreateIndex("IX_MentoringPairs_OrganizationId", "MentoringPairs", "OrganizationId");
        m.CreateIndex("IX_MentoringPairs_MentorPersonId_Status", "MentoringPairs", ["MentorPersonId", "Status"]);
        m.CreateIndex("IX_MentoringPairs_MunicipalityId_Status", "MentoringPairs", ["MunicipalityId", "Status"]);

        m.CreateTable("MentoringMentees", t => new
        {
            PairId = t.Column<Guid>(nullable: false),
            PersonId = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_MentoringMentees", x => new { x.PairId, x.PersonId });
            t.ForeignKey("FK_MentoringMentees_MentoringPairs_PairId", x => x.PairId, "MentoringPairs", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_MentoringMentees_Persons_PersonId", x => x.PersonId, "Persons", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_MentoringMentees_PersonId", "MentoringMentees", "PersonId");

        m.CreateTable("MentoringPlanItems", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Details = t.Column<string>(maxLength: 2000, nullable: true),
            DoneOn = t.Column<DateOnly>(nullable: true),
            DueDate = t.Column<DateOnly>(nullable: true),
            IsDone = t.Column<bool>(nullable: false),
            Kind = t.Column<string>(maxLength: 20, nullable: false),
            PairId = t.Column<Guid>(nullable: false),
            SortOrder = t.Column<int>(nullable: false),
            Title = t.Column<string>(maxLength: 500, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_MentoringPlanItems", x => x.Id);
            t.ForeignKey("FK_MentoringPlanItems_MentoringPairs_PairId", x => x.PairId, "MentoringPairs", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_MentoringPlanItems_PairId", "MentoringPlanItems", "PairId");

        m.CreateTable("MentoringMeetings", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            CreatedBy = t.Column<string>(maxLength: 256, nullable: false),
            Date = t.Column<DateOnly>(nullable: false),
            Hours = t.Column<decimal>(precision: 5, scale: 1, nullable: false),
            Notes = t.Column<string>(maxLength: 2000, nullable: true),
            PairId = t.Column<Guid>(nullable: false),
            Topic = t.Column<string>(maxLength: 500, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_MentoringMeetings", x => x.Id);
            t.ForeignKey("FK_MentoringMeetings_MentoringPairs_PairId", x => x.PairId, "MentoringPairs", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_MentoringMeetings_PairId", "MentoringMeetings", "PairId");

        m.CreateTable("AdaptationSurveys", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            AcademicYear = t.Column<string>(maxLength: 9, nullable: false),
            ClosesOn = t.Column<DateOnly>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            OpensOn = t.Column<DateOnly>(nullable: false),
            Round = t.Column<string>(maxLength: 20, nullable: false),
            Title = t.Column<string>(maxLength: 300, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AdaptationSurveys", x => x.Id);
        });
        m.CreateIndex("IX_AdaptationSurveys_AcademicYear_Round", "AdaptationSurveys", ["AcademicYear", "Round"], unique: true);

        m.CreateTable("AdaptationQuestions", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Kind = t.Column<string>(maxLength: 20, nullable: false),
            Number = t.Column<int>(nullable: false),
            SurveyId = t.Column<Guid>(nullable: false),
            Text = t.Column<string>(maxLength: 1000, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AdaptationQuestions", x => x.Id);
            t.ForeignKey("FK_AdaptationQuestions_AdaptationSurveys_SurveyId", x => x.SurveyId, "AdaptationSurveys", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_AdaptationQuestions_SurveyId", "AdaptationQuestions", "SurveyId");

        m.CreateTable("AdaptationResponses", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            MeanScore = t.Column<decimal>(precision: 4, scale: 2, nullable: true),
            MunicipalityId = t.Column<Guid>(nullable: true),
            OrganizationId = t.Column<Guid>(nullable: true),
            PersonId = t.Column<Guid>(nullable: false),
            SubmittedAt = t.Column<DateTime>(nullable: false),
            SurveyId = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AdaptationResponses", x => x.Id);
            t.ForeignKey("FK_AdaptationResponses_Persons_PersonId", x => x.PersonId, "Persons", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_AdaptationResponses_AdaptationSurveys_SurveyId", x => x.SurveyId, "AdaptationSurveys", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_AdaptationResponses_PersonId", "AdaptationResponses", "PersonId");
        m.CreateIndex("IX_AdaptationResponses_SurveyId_PersonId", "AdaptationResponses", ["SurveyId", "PersonId"], unique: true);

        m.CreateTable("AdaptationAnswers", t => new
        {
            ResponseId = t.Column<Guid>(nullable: false),
            QuestionId = t.Column<Guid>(nullable: false),
            Score = t.Column<int>(nullable: true),
            Text = t.Column<string>(maxLength: 2000, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AdaptationAnswers", x => new { x.ResponseId, x.QuestionId });
            t.ForeignKey("FK_AdaptationAnswers_AdaptationQuestions_QuestionId", x => x.QuestionId, "AdaptationQuestions", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_AdaptationAnswers_AdaptationResponses_ResponseId", x => x.ResponseId, "AdaptationResponses", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_AdaptationAnswers_QuestionId", "AdaptationAnswers", "QuestionId");

        m.CreateTable("RegionalMethodists", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            ActiveSince = t.Column<DateOnly>(nullable: true),
            AssessedOn = t.Column<DateOnly>(nullable: true),
            AssessmentResult = t.Column<string>(maxLength: 300, nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            HasHighStudentResults = t.Column<bool>(nullable: false),
            IsAssociationLeader = t.Column<bool>(nullable: false),
            IsCommunityLeader = t.Column<bool>(nullable: false),
            IsExamExpert = t.Column<bool>(nullable: false),
            LoadNorm = t.Column<int>(nullable: true),
            Note = t.Column<string>(maxLength: 2000, nullable: true),
            OrderNumber = t.Column<string>(maxLength: 50, nullable: true),
            PersonId = t.Column<Guid>(nullable: false),
            Status = t.Column<string>(maxLength: 20, nullable: false),
            TrainedOn = t.Column<DateOnly>(nullable: true),
            TrainingCourseId = t.Column<Guid>(nullable: true),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            WithdrawalReason = t.Column<string>(maxLength: 1000, nullable: true),
            WithdrawnOn = t.Column<DateOnly>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_RegionalMethodists", x => x.Id);
            t.ForeignKey("FK_RegionalMethodists_Persons_PersonId", x => x.PersonId, "Persons", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_RegionalMethodists_Courses_TrainingCourseId", x => x.TrainingCourseId, "Courses", "Id", onDelete: ReferentialAction.SetNull);
        });
        m.CreateIndex("IX_RegionalMethodists_PersonId", "RegionalMethodists", "PersonId", unique: true);
        m.CreateIndex("IX_RegionalMethodists_Status", "RegionalMethodists", "Status");
        m.CreateIndex("IX_RegionalMethodists_TrainingCourseId", "RegionalMethodists", "TrainingCourseId");

        m.CreateTable("RegionalMethodistSubjects", t => new
        {
            MethodistId = t.Column<Guid>(nullable: false),
            SubjectId = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_RegionalMethodistSubjects", x => new { x.MethodistId, x.SubjectId });
            t.ForeignKey("FK_RegionalMethodistSubjects_RegionalMethodists_MethodistId", x => x.MethodistId, "RegionalMethodists", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_RegionalMethodistSubjects_Subjects_SubjectId", x => x.SubjectId, "Subjects", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_RegionalMethodistSubjects_SubjectId", "RegionalMethodistSubjects", "SubjectId");

        m.CreateTable("RegionalMethodistMunicipalities", t => new
        {
            MethodistId = t.Column<Guid>(nullable: false),
            MunicipalityId = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_RegionalMethodistMunicipalities", x => new { x.MethodistId, x.MunicipalityId });
            t.ForeignKey("FK_RegionalMethodistMunicipalities_RegionalMethodists_MethodistId", x => x.MethodistId, "RegionalMethodists", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_RegionalMethodistMunicipalities_Municipalities_MunicipalityId", x => x.MunicipalityId, "Municipalities", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_RegionalMethodistMunicipalities_MunicipalityId", "RegionalMethodistMunicipalities", "MunicipalityId");

        m.CreateTable("AssetStatusChanges", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            At = t.Column<DateTime>(nullable: false),
            Comment = t.Column<string>(maxLength: 1000, nullable: true),
            From = t.Column<string>(maxLength: 20, nullable: false),
            MethodistId = t.Column<Guid>(nullable: false),
            To = t.Column<string>(maxLength: 20, nullable: false),
            UserName = t.Column<string>(maxLength: 256, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AssetStatusChanges", x => x.Id);
            t.ForeignKey("FK_AssetStatusChanges_RegionalMethodists_MethodistId", x => x.MethodistId, "RegionalMethodists", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_AssetStatusChanges_MethodistId", "AssetStatusChanges", "MethodistId");

        m.CreateTable("AssetAssignments", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            AssignedBy = t.Column<string>(maxLength: 256, nullable: false),
            AssignedOn = t.Column<DateOnly>(nullable: false),
            MethodistId = t.Column<Guid>(nullable: false),
            PersonId = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AssetAssignments", x => x.Id);
            t.ForeignKey("FK_AssetAssignments_RegionalMethodists_MethodistId", x => x.MethodistId, "RegionalMethodists", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_AssetAssignments_Persons_PersonId", x => x.PersonId, "Persons", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_AssetAssignments_MethodistId", "AssetAssignments", "MethodistId");
        m.CreateIndex("IX_AssetAssignments_PersonId", "AssetAssignments", "PersonId", unique: true);

        m.CreateTable("ConsultationRequests", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Answer = t.Column<string>(maxLength: 8000, nullable: true),
            AnsweredAt = t.Column<DateTime>(nullable: true),
            AnsweredBy = t.Column<string>(maxLength: 300, nullable: true),
            AskerName = t.Column<string>(maxLength: 300, nullable: false),
            AskerPersonId = t.Column<Guid>(nullable: true),
            AskerUserId = t.Column<Guid>(nullable: true),
            AssigneeName = t.Column<string>(maxLength: 300, nullable: true),
            AssigneeUserId = t.Column<Guid>(nullable: true),
            ClosedAt = t.Column<DateTime>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            DueOn = t.Column<DateOnly>(nullable: false),
            FromOrganization = t.Column<bool>(nullable: false),
            IsPublished = t.Column<bool>(nullable: false),
            Level = t.Column<string>(maxLength: 20, nullable: false),
            MunicipalityId = t.Column<Guid>(nullable: true),
            Number = t.Column<int>(nullable: false),
            OrganizationId = t.Column<Guid>(nullable: true),
            PublicAnswer = t.Column<string>(maxLength: 8000, nullable: true),
            PublicQuestion = t.Column<string>(maxLength: 8000, nullable: true),
            PublishedAt = t.Column<DateTime>(nullable: true),
            RejectionReason = t.Column<string>(maxLength: 2000, nullable: true),
            ServiceMunicipalityId = t.Column<Guid>(nullable: true),
            Status = t.Column<string>(maxLength: 20, nullable: false),
            SubjectId = t.Column<Guid>(nullable: true),
            SubjectName = t.Column<string>(maxLength: 200, nullable: true),
            TakenAt = t.Column<DateTime>(nullable: true),
            Text = t.Column<string>(maxLength: 8000, nullable: false),
            Topic = t.Column<string>(maxLength: 300, nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ConsultationRequests", x => x.Id);
            t.ForeignKey("FK_ConsultationRequests_Persons_AskerPersonId", x => x.AskerPersonId, "Persons", "Id", onDelete: ReferentialAction.SetNull);
            t.ForeignKey("FK_ConsultationRequests_Subjects_SubjectId", x => x.SubjectId, "Subjects", "Id", onDelete: ReferentialAction.SetNull);
        });
        m.CreateIndex("IX_ConsultationRequests_AskerPersonId", "ConsultationRequests", "AskerPersonId");
        m.CreateIndex("IX_ConsultationRequests_AskerUserId", "ConsultationRequests", "AskerUserId");
        m.CreateIndex("IX_ConsultationRequests_AssigneeUserId", "ConsultationRequests", "AssigneeUserId");
        m.CreateIndex("IX_ConsultationRequests_Number", "ConsultationRequests", "Number", unique: true);
        m.CreateIndex("IX_ConsultationRequests_SubjectId", "ConsultationRequests", "SubjectId");
        m.CreateIndex("IX_ConsultationRequests_IsPublished_PublishedAt", "ConsultationRequests", ["IsPublished", "PublishedAt"]);
        m.CreateIndex("IX_ConsultationRequests_Status_ServiceMunicipalityId", "ConsultationRequests", ["Status", "ServiceMunicipalityId"]);

        m.CreateTable("ConsultationAttachments", t => new
        {
            RequestId = t.Column<Guid>(nullable: false),
            FileId = t.Column<Guid>(nullable: false),
            IsAnswer = t.Column<bool>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ConsultationAttachments", x => new { x.RequestId, x.FileId });
            t.ForeignKey("FK_ConsultationAttachments_StoredFiles_FileId", x => x.FileId, "StoredFiles", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_ConsultationAttachments_ConsultationRequests_RequestId", x => x.RequestId, "ConsultationRequests", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_ConsultationAttachments_FileId", "ConsultationAttachments", "FileId");

        m.CreateTable("ConsultationHistory", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            At = t.Column<DateTime>(nullable: false),
            Comment = t.Column<string>(maxLength: 2000, nullable: true),
            From = t.Column<string>(maxLength: 20, nullable: false),
            RequestId = t.Column<Guid>(nullable: false),
            To = t.Column<string>(maxLength: 20, nullable: false),
            UserName = t.Column<string>(maxLength: 256, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ConsultationHistory", x => x.Id);
            t.ForeignKey("FK_ConsultationHistory_ConsultationRequests_RequestId", x => x.RequestId, "ConsultationRequests", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_ConsultationHistory_RequestId", "ConsultationHistory", "RequestId");

        m.CreateTable("Notifications", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            Link = t.Column<string>(maxLength: 500, nullable: true),
            ReadAt = t.Column<DateTime>(nullable: true),
            Text = t.Column<string>(maxLength: 1000, nullable: false),
            UserId = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Notifications", x => x.Id);
            t.ForeignKey("FK_Notifications_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_Notifications_UserId_ReadAt", "Notifications", ["UserId", "ReadAt"]);

        m.CreateTable("AppSettings", t => new
        {
            Key = t.Column<string>(maxLength: 100, nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            UpdatedBy = t.Column<string>(maxLength: 256, nullable: false),
            Value = t.Column<string>(maxLength: 2000, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AppSettings", x => x.Key);
        });

        m.AddColumn<Guid>("MentoringPairId", "RouteItems", nullable: true);
        m.CreateIndex("IX_RouteItems_MentoringPairId", "RouteItems", "MentoringPairId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_RouteItems_MentoringPairId", "RouteItems");
        migrationBuilder.DropColumn("MentoringPairId", "RouteItems");
        foreach (var table in new[] { "AppSettings", "Notifications", "ConsultationHistory", "ConsultationAttachments", "ConsultationRequests", "AssetAssignments", "AssetStatusChanges", "RegionalMethodistMunicipalities", "RegionalMethodistSubjects", "RegionalMethodists", "AdaptationAnswers", "AdaptationResponses", "AdaptationQuestions", "AdaptationSurveys", "MentoringMeetings", "MentoringPlanItems", "MentoringMentees", "MentoringPairs" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
