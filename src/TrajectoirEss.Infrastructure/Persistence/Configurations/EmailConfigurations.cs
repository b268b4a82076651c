using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrajectoirEss.Infrastructure.Email;

namespace TrajectoirEss.Infrastructure.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.ToAddress).HasMaxLength(OutboxMessage.AddressMaxLength);
        builder.Property(m => m.ToName).HasMaxLength(OutboxMessage.NameMaxLength);
        builder.Property(m => m.Subject).HasMaxLength(OutboxMessage.SubjectMaxLength);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.ErrorMaxLength);
        builder.Ignore(m => m.IsWaiting);
        builder.Ignore(m => m.Email);

        // The dispatcher's query: the due messages in order, read from a small index of the waiting ones only.
        builder.HasIndex(m => new { m.NextAttemptAt, m.Id })
            .HasDatabaseName("ix_outbox_messages_due")
            .HasFilter("sent_at IS NULL AND failed_at IS NULL");
    }
}
