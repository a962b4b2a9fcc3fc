using Metodist.Web.Features.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metodist.Web.Features.Mentoring;

internal sealed class MentoringPairConfiguration : IEntityTypeConfiguration<MentoringPair>
{
    public void Configure(EntityTypeBuilder<MentoringPair> b)
    {
        b.ToTable("MentoringPairs");
        b.Property(x => x.Form).HasMaxLength(30);
        b.Property(x => x.Level).HasMaxLength(20);
        b.Property(x => x.Status).HasMaxLength(20);
        b.Property(x => x.OrderNumber).HasMaxLength(50);
        b.Property(x => x.Goals).HasMaxLength(2000);
        b.Property(x => x.Evaluation).HasMaxLength(4000);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasOne(x => x.Mentor).WithMany().HasForeignKey(x => x.MentorPersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Mentees).WithOne(x => x.Pair).HasForeignKey(x => x.PairId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.PlanItems).WithOne().HasForeignKey(x => x.PairId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Meetings).WithOne().HasForeignKey(x => x.PairId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.MentorPersonId, x.Status });
        b.HasIndex(x => new { x.MunicipalityId, x.Status });
    }
}

internal sealed class MentoringMenteeConfiguration : IEntityTypeConfiguration<MentoringMentee>
{
    public void Configure(EntityTypeBuilder<MentoringMentee> b)
    {
        b.ToTable("MentoringMentees");
        b.HasKey(x => new { x.PairId, x.PersonId });
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.PersonId);
    }
}

internal sealed class MentoringPlanItemConfiguration : IEntityTypeConfiguration<MentoringPlanItem>
{
    public void Configure(EntityTypeBuilder<MentoringPlanItem> b)
    {
        b.ToTable("MentoringPlanItems");
        b.Property(x => x.Kind).HasMaxLength(20);
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.Details).HasMaxLength(2000);
        b.HasIndex(x => x.PairId);
    }
}

internal sealed class MentoringMeetingConfiguration : IEntityTypeConfiguration<MentoringMeeting>
{
    public void Configure(EntityTypeBuilder<MentoringMeeting> b)
    {
        b.ToTable("MentoringMeetings");
        b.Property(x => x.Topic).HasMaxLength(500);
        b.Property(x => x.Notes).HasMaxLength(2000);
        b.Property(x => x.Hours).HasPrecision(5, 1);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasIndex(x => x.PairId);
    }
}

internal sealed class AdaptationSurveyConfiguration : IEntityTypeConfiguration<AdaptationSurvey>
{
    public void Configure(EntityTypeBuilder<AdaptationSurvey> b)
    {
        b.ToTable("AdaptationSurveys");
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.AcademicYear).HasMaxLength(9);
        b.Property(x => x.Round).HasMaxLength(20);
        b.HasMany(x => x.Questions).WithOne().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.AcademicYear, x.Round }).IsUnique();
    }
}

internal sealed class AdaptationQuestionConfiguration : IEntityTypeConfiguration<AdaptationQuestion>
{
    public void Configure(EntityTypeBuilder<AdaptationQuestion> b)
    {
        b.ToTable("AdaptationQuestions");
        b.Property(x => x.Text).HasMaxLength(1000);
        b.Property(x => x.Kind).HasMaxLength(20);
        b.HasIndex(x => x.SurveyId);
    }
}

internal sealed class AdaptationResponseConfiguration : IEntityTypeConfiguration<AdaptationResponse>
{
    public void Configure(EntityTypeBuilder<AdaptationResponse> b)
    {
        b.ToTable("AdaptationResponses");
        b.Property(x => x.MeanScore).HasPrecision(4, 2);
        b.HasOne<AdaptationSurvey>().WithMany().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Answers).WithOne().HasForeignKey(x => x.ResponseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.SurveyId, x.PersonId }).IsUnique();
        b.HasIndex(x => x.PersonId);
    }
}

internal sealed class AdaptationAnswerConfiguration : IEntityTypeConfiguration<AdaptationAnswer>
{
    public void Configure(EntityTypeBuilder<AdaptationAnswer> b)
    {
        b.ToTable("AdaptationAnswers");
        b.HasKey(x => new { x.ResponseId, x.QuestionId });
        b.Property(x => x.Text).HasMaxLength(2000);
        b.HasOne<AdaptationQuestion>().WithMany().HasForeignKey(x => x.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}
