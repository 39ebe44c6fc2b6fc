using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ProjectWorkflow.Application.Idempotency;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("IdempotencyRecords");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Key).HasMaxLength(IdempotencyRecord.MaxKeyLength).IsRequired();
        builder.Property(r => r.UserName).HasMaxLength(256).IsRequired();
        builder.Property(r => r.Method).HasMaxLength(16).IsRequired();
        builder.Property(r => r.Path).HasMaxLength(2048).IsRequired();
        builder.Property(r => r.RequestHash).HasMaxLength(64).IsRequired();
        builder.Property(r => r.ContentType).HasMaxLength(256);
        builder.Ignore(r => r.IsCompleted);
        builder.HasIndex(r => new { r.UserName, r.Key }).IsUnique();
        builder.HasIndex(r => r.CreatedAt);
    }
}
