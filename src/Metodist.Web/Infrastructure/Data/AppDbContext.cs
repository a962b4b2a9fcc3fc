using Metodist.Web.Features.Accounts;
using Metodist.Web.Features.Audit;
using Metodist.Web.Features.Courses;
using Metodist.Web.Features.Diagnostics;
using Metodist.Web.Features.Asset;
using Metodist.Web.Features.Associations;
using Metodist.Web.Features.Events;
using Metodist.Web.Features.Consultations;
using Metodist.Web.Features.Files;
using Metodist.Web.Features.Mentoring;
using Metodist.Web.Features.Notifications;
using Metodist.Web.Features.Routes;
using Metodist.Web.Features.Registry;
using Metodist.Web.Features.Settings;
using Metodist.Web.Infrastructure.Imports;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Infrastructure.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options, AuditActor? actor = null)
    : IdentityUserContext<AppUser, Guid>(options)
{
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<District> Districts => Set<District>();
    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Person> Persons => Set<Person>();
    public DbSet<Employment> Employments => Set<Employment>();
    public DbSet<EmploymentSubject> EmploymentSubjects => Set<EmploymentSubject>();
    public DbSet<Position> Positions => Set<Position>();
    public DbSet<Subject> Subjects => Set<Subject>();
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<CompetenceArea> CompetenceAreas => Set<CompetenceArea>();
    public DbSet<Diagnostic> Diagnostics => Set<Diagnostic>();
    public DbSet<DiagnosticQuestion> DiagnosticQuestions => Set<DiagnosticQuestion>();
    public DbSet<DiagnosticOption> DiagnosticOptions => Set<DiagnosticOption>();
    public DbSet<DiagnosticCampaign> DiagnosticCampaigns => Set<DiagnosticCampaign>();
    public DbSet<DiagnosticAttempt> DiagnosticAttempts => Set<DiagnosticAttempt>();
    public DbSet<AttemptAnswer> AttemptAnswers => Set<AttemptAnswer>();
    public DbSet<DiagnosticResult> DiagnosticResults => Set<DiagnosticResult>();
    public DbSet<DiagnosticResultArea> DiagnosticResultAreas => Set<DiagnosticResultArea>();
    public DbSet<Course> Courses => Set<Course>();
    public DbSet<CourseArea> CourseAreas => Set<CourseArea>();
    public DbSet<Enrolment> Enrolments => Set<Enrolment>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<DevelopmentRoute> Routes => Set<DevelopmentRoute>();
    public DbSet<RouteItem> RouteItems => Set<RouteItem>();
    public DbSet<RouteTransition> RouteTransitions => Set<RouteTransition>();
    public DbSet<MentoringPair> MentoringPairs => Set<MentoringPair>();
    public DbSet<MentoringMentee> MentoringMentees => Set<MentoringMentee>();
    public DbSet<MentoringPlanItem> MentoringPlanItems => Set<MentoringPlanItem>();
    public DbSet<MentoringMeeting> MentoringMeetings => Set<MentoringMeeting>();
    public DbSet<AdaptationSurvey> AdaptationSurveys => Set<AdaptationSurvey>();
    public DbSet<AdaptationQuestion> AdaptationQuestions => Set<AdaptationQuestion>();
    public DbSet<AdaptationResponse> AdaptationResponses => Set<AdaptationResponse>();
    public DbSet<AdaptationAnswer> AdaptationAnswers => Set<AdaptationAnswer>();
    public DbSet<RegionalMethodist> RegionalMethodists => Set<RegionalMethodist>();
    public DbSet<RegionalMethodistSubject> RegionalMethodistSubjects => Set<RegionalMethodistSubject>();
    public DbSet<RegionalMethodistMunicipality> RegionalMethodistMunicipalities => Set<RegionalMethodistMunicipality>();
    public DbSet<AssetStatusChange> AssetStatusChanges => Set<AssetStatusChange>();
    public DbSet<AssetAssignment> AssetAssignments => Set<AssetAssignment>();
    public DbSet<ConsultationRequest> ConsultationRequests => Set<ConsultationRequest>();
    public DbSet<ConsultationAttachment> ConsultationAttachments => Set<ConsultationAttachment>();
    public DbSet<ConsultationHistory> ConsultationHistory => Set<ConsultationHistory>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<AppSetting> AppSettings => Set<AppSetting>();
    public DbSet<Association> Associations => Set<Association>();
    public DbSet<AssociationMember> AssociationMembers => Set<AssociationMember>();
    public DbSet<Programme> Programmes => Set<Programme>();
    public DbSet<ProgrammeStage> ProgrammeStages => Set<ProgrammeStage>();
    public DbSet<ProgrammeSource> ProgrammeSources => Set<ProgrammeSource>();
    public DbSet<WorkPlan> WorkPlans => Set<WorkPlan>();
    public DbSet<PlanItem> PlanItems => Set<PlanItem>();
    public DbSet<PlanItemResponsible> PlanItemResponsible => Set<PlanItemResponsible>();
    public DbSet<Protocol> Protocols => Set<Protocol>();
    public DbSet<ProtocolAttendee> ProtocolAttendees => Set<ProtocolAttendee>();
    public DbSet<ProtocolAssignment> ProtocolAssignments => Set<ProtocolAssignment>();
    public DbSet<AssociationReport> AssociationReports => Set<AssociationReport>();
    public DbSet<MethodicalEvent> Events => Set<MethodicalEvent>();
    public DbSet<EventRegistration> EventRegistrations => Set<EventRegistration>();
    public DbSet<EventResponsible> EventResponsible => Set<EventResponsible>();
    public DbSet<EventArea> EventAreas => Set<EventArea>();
    public DbSet<EventSubject> EventSubjects => Set<EventSubject>();
    public DbSet<EventPosition> EventPositions => Set<EventPosition>();
    public DbSet<EventMaterial> EventMaterials => Set<EventMaterial>();

    /// <summary>Set to false only by bulk loaders that write their own audit entries.</summary>
    public bool AuditEnabled { get; set; } = true;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        builder.Entity<AppUser>(b =>
        {
            b.Property(x => x.DisplayName).HasMaxLength(300);
            b.HasMany(x => x.Roles).WithOne(x => x.User).HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(x => x.PersonId);
        });
        builder.Entity<RoleAssignment>(b =>
        {
            b.ToTable("RoleAssignments");
            b.Property(x => x.Role).HasMaxLength(40);
            b.HasIndex(x => x.UserId);
        });
        builder.Entity<AuditEntry>(b =>
        {
            b.ToTable("AuditEntries");
            b.Property(x => x.UserName).HasMaxLength(256);
            b.Property(x => x.EntityType).HasMaxLength(100);
            b.Property(x => x.Action).HasMaxLength(20);
            b.Property(x => x.Field).HasMaxLength(100);
            b.HasIndex(x => x.PersonId);
            b.HasIndex(x => x.At);
        });
        builder.Entity<ImportJob>(b =>
        {
            b.ToTable("ImportJobs");
            b.Property(x => x.Kind).HasMaxLength(40);
            b.Property(x => x.Status).HasMaxLength(20);
            b.Property(x => x.FileName).HasMaxLength(400);
            b.Property(x => x.UserName).HasMaxLength(256);
            b.HasIndex(x => x.Status);
        });
        builder.Entity<DataProtectionKey>(b =>
        {
            b.ToTable("DataProtectionKeys");
            b.Property(x => x.FriendlyName).HasMaxLength(200);
        });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in both databases and safe against reordering.
        configurationBuilder.Properties<OrganizationKind>().HaveConversion<string>();
        configurationBuilder.Properties<QualificationCategory>().HaveConversion<string>();
        configurationBuilder.Properties<EducationLevel>().HaveConversion<string>();
        configurationBuilder.Properties<AppRole>().HaveConversion<string>();
        configurationBuilder.Properties<AuditAction>().HaveConversion<string>();
        configurationBuilder.Properties<ImportKind>().HaveConversion<string>();
        configurationBuilder.Properties<ImportStatus>().HaveConversion<string>();
        configurationBuilder.Properties<DeficitLevel>().HaveConversion<string>();
        configurationBuilder.Properties<DiagnosticKind>().HaveConversion<string>();
        configurationBuilder.Properties<CourseForm>().HaveConversion<string>();
        configurationBuilder.Properties<CourseKind>().HaveConversion<string>();
        configurationBuilder.Properties<EnrolmentStatus>().HaveConversion<string>();
        configurationBuilder.Properties<RouteStatus>().HaveConversion<string>();
        configurationBuilder.Properties<RouteSection>().HaveConversion<string>();
        configurationBuilder.Properties<MentoringForm>().HaveConversion<string>();
        configurationBuilder.Properties<MentoringLevel>().HaveConversion<string>();
        configurationBuilder.Properties<MentoringStatus>().HaveConversion<string>();
        configurationBuilder.Properties<MentoringPlanKind>().HaveConversion<string>();
        configurationBuilder.Properties<AdaptationRound>().HaveConversion<string>();
        configurationBuilder.Properties<AdaptationQuestionKind>().HaveConversion<string>();
        configurationBuilder.Properties<AssetStatus>().HaveConversion<string>();
        configurationBuilder.Properties<ConsultationStatus>().HaveConversion<string>();
        configurationBuilder.Properties<ConsultationLevel>().HaveConversion<string>();
        configurationBuilder.Properties<AssociationLevel>().HaveConversion<string>();
        configurationBuilder.Properties<AssociationKind>().HaveConversion<string>();
        configurationBuilder.Properties<MemberRole>().HaveConversion<string>();
        configurationBuilder.Properties<MemberStatus>().HaveConversion<string>();
        configurationBuilder.Properties<PlanKind>().HaveConversion<string>();
        configurationBuilder.Properties<PlanStatus>().HaveConversion<string>();
        configurationBuilder.Properties<PlanTiming>().HaveConversion<string>();
        configurationBuilder.Properties<PlanItemOutcome>().HaveConversion<string>();
        configurationBuilder.Properties<ReportStatus>().HaveConversion<string>();
        configurationBuilder.Properties<EventKind>().HaveConversion<string>();
        configurationBuilder.Properties<EventStatus>().HaveConversion<string>();
        configurationBuilder.Properties<RegistrationStatus>().HaveConversion<string>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PrepareForSave();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PrepareForSave();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void PrepareForSave()
    {
        ChangeTracker.DetectChanges();
        foreach (var entry in ChangeTracker.Entries<Person>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Entity.RefreshSearchName();
                if (entry.State == EntityState.Modified) entry.Entity.UpdatedAt = DateTime.UtcNow;
            }
        }
        foreach (var entry in ChangeTracker.Entries<Course>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified) entry.Entity.SearchTitle = Text.SearchText.Normalize(entry.Entity.Title);
        }
        foreach (var entry in ChangeTracker.Entries<DevelopmentRoute>())
        {
            if (entry.State == EntityState.Modified) entry.Entity.UpdatedAt = DateTime.UtcNow;
        }
        foreach (var entry in ChangeTracker.Entries<Association>())
        {
            if (entry.State == EntityState.Modified) entry.Entity.UpdatedAt = DateTime.UtcNow;
        }
        foreach (var entry in ChangeTracker.Entries<MethodicalEvent>())
        {
            if (entry.State == EntityState.Modified) entry.Entity.UpdatedAt = DateTime.UtcNow;
        }
        foreach (var entry in ChangeTracker.Entries<Organization>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified) entry.Entity.RefreshSearchName();
        }
        if (AuditEnabled) AuditTrail.Record(this, actor ?? AuditActor.System);
    }
}
