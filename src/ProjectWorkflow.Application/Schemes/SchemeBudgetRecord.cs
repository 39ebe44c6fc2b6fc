using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ProjectWorkflow.Application.Schemes;

/// <summary>The money a scheme may commit in a year, in fen. (The ledger of issue 6 books against it.)</summary>
public sealed class SchemeBudgetRecord
{
    public long Id { get; set; }
    public string SchemeKey { get; set; } = "";
    public int Year { get; set; }
    public long AmountFen { get; set; }
}

internal sealed class SchemeBudgetRecordConfiguration : IEntityTypeConfiguration<SchemeBudgetRecord>
{
    public void Configure(EntityTypeBuilder<SchemeBudgetRecord> builder)
    {
        builder.ToTable("SchemeBudgets");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.SchemeKey).HasMaxLength(64).IsRequired();
        builder.HasIndex(b => new { b.SchemeKey, b.Year }).IsUnique();
    }
}
