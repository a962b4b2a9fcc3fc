using Metodist.Web.Features.Files;
using Metodist.Web.Features.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metodist.Web.Features.Consultations;

internal sealed class ConsultationRequestConfiguration : IEntityTypeConfiguration<ConsultationRequest>
{
    public void Configure(EntityTypeBuilder<ConsultationRequest> b)
    {
        b.ToTable("ConsultationRequests");
        b.Property(x => x.AskerName).HasMaxLength(300);
        b.Property(x => x.Topic).HasMaxLength(300);
        b.Property(x => x.SubjectName).HasMaxLength(200);
        b.Property(x => x.Text).HasMaxLength(8000);
        b.Property(x => x.Level).HasMaxLength(20);
        b.Property(x => x.AssigneeName).HasMaxLength(300);
        b.Property(x => x.Status).HasMaxLength(20);
        b.Property(x => x.Answer).HasMaxLength(8000);
        b.Property(x => x.AnsweredBy).HasMaxLength(300);
        b.Property(x => x.RejectionReason).HasMaxLength(2000);
        b.Property(x => x.PublicQuestion).HasMaxLength(8000);
        b.Property(x => x.PublicAnswer).HasMaxLength(8000);
        b.HasOne(x => x.AskerPerson).WithMany().HasForeignKey(x => x.AskerPersonId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Subject>().WithMany().HasForeignKey(x => x.SubjectId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Attachments).WithOne().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.History).WithOne().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.Number).IsUnique();
        b.HasIndex(x => new { x.Status, x.ServiceMunicipalityId });
        b.HasIndex(x => x.AskerPersonId);
        b.HasIndex(x => x.AskerUserId);
        b.HasIndex(x => x.AssigneeUserId);
        b.HasIndex(x => new { x.IsPublished, x.PublishedAt });
    }
}

internal sealed class ConsultationAttachmentConfiguration : IEntityTypeConfiguration<ConsultationAttachment>
{
    public void Configure(EntityTypeBuilder<ConsultationAttachment> b)
    {
        b.ToTable("ConsultationAttachments");
        b.HasKey(x => new { x.RequestId, x.FileId });
        b.HasOne<StoredFile>().WithMany().HasForeignKey(x => x.FileId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConsultationHistoryConfiguration : IEntityTypeConfiguration<ConsultationHistory>
{
    public void Configure(EntityTypeBuilder<ConsultationHistory> b)
    {
        b.ToTable("ConsultationHistory");
        b.Property(x => x.From).HasMaxLength(20);
        b.Property(x => x.To).HasMaxLength(20);
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.Comment).HasMaxLength(2000);
        b.HasIndex(x => x.RequestId);
    }
}
