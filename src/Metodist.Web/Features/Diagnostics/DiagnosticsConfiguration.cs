using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metodist.Web.Features.Diagnostics;

internal sealed class CompetenceAreaConfiguration : IEntityTypeConfiguration<CompetenceArea>
{
    public void Configure(EntityTypeBuilder<CompetenceArea> b)
    {
        b.ToTable("CompetenceAreas");
        b.Property(x => x.Code).HasMaxLength(40);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Description).HasMaxLength(2000);
        b.HasIndex(x => x.Code).IsUnique();
    }
}

internal sealed class DiagnosticConfiguration : IEntityTypeConfiguration<Diagnostic>
{
    public void Configure(EntityTypeBuilder<Diagnostic> b)
    {
        b.ToTable("Diagnostics");
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Description).HasMaxLength(4000);
        b.Property(x => x.Kind).HasMaxLength(20);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasMany(x => x.Questions).WithOne().HasForeignKey(x => x.DiagnosticId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DiagnosticQuestionConfiguration : IEntityTypeConfiguration<DiagnosticQuestion>
{
    public void Configure(EntityTypeBuilder<DiagnosticQuestion> b)
    {
        b.ToTable("DiagnosticQuestions");
        b.Property(x => x.Text).HasMaxLength(2000);
        b.HasOne(x => x.Area).WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Options).WithOne().HasForeignKey(x => x.QuestionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.DiagnosticId, x.Number });
    }
}

internal sealed class DiagnosticOptionConfiguration : IEntityTypeConfiguration<DiagnosticOption>
{
    public void Configure(EntityTypeBuilder<DiagnosticOption> b)
    {
        b.ToTable("DiagnosticOptions");
        b.Property(x => x.Text).HasMaxLength(1000);
        b.HasIndex(x => x.QuestionId);
    }
}

internal sealed class DiagnosticCampaignConfiguration : IEntityTypeConfiguration<DiagnosticCampaign>
{
    public void Configure(EntityTypeBuilder<DiagnosticCampaign> b)
    {
        b.ToTable("DiagnosticCampaigns");
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasOne(x => x.Diagnostic).WithMany().HasForeignKey(x => x.DiagnosticId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.DiagnosticId);
        b.HasIndex(x => x.Deadline);
    }
}

internal sealed class DiagnosticAttemptConfiguration : IEntityTypeConfiguration<DiagnosticAttempt>
{
    public void Configure(EntityTypeBuilder<DiagnosticAttempt> b)
    {
        b.ToTable("DiagnosticAttempts");
        b.HasOne(x => x.Diagnostic).WithMany().HasForeignKey(x => x.DiagnosticId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Registry.Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Answers).WithOne().HasForeignKey(x => x.AttemptId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.PersonId);
        b.HasIndex(x => x.DiagnosticId);
    }
}

internal sealed class AttemptAnswerConfiguration : IEntityTypeConfiguration<AttemptAnswer>
{
    public void Configure(EntityTypeBuilder<AttemptAnswer> b)
    {
        b.ToTable("AttemptAnswers");
        b.Property(x => x.Chosen).HasMaxLength(100);
        b.HasIndex(x => new { x.AttemptId, x.QuestionId }).IsUnique();
    }
}

internal sealed class DiagnosticResultConfiguration : IEntityTypeConfiguration<DiagnosticResult>
{
    public void Configure(EntityTypeBuilder<DiagnosticResult> b)
    {
        b.ToTable("DiagnosticResults");
        b.Property(x => x.Level).HasMaxLength(20);
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Diagnostic).WithMany().HasForeignKey(x => x.DiagnosticId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Areas).WithOne().HasForeignKey(x => x.ResultId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.PersonId, x.TakenOn });
        b.HasIndex(x => new { x.DiagnosticId, x.TakenOn });
    }
}

internal sealed class DiagnosticResultAreaConfiguration : IEntityTypeConfiguration<DiagnosticResultArea>
{
    public void Configure(EntityTypeBuilder<DiagnosticResultArea> b)
    {
        b.ToTable("DiagnosticResultAreas");
        b.Property(x => x.Level).HasMaxLength(20);
        b.HasOne(x => x.Area).WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.ResultId);
        b.HasIndex(x => new { x.AreaId, x.Level });
    }
}
