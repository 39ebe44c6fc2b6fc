using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ProjectWorkflow.Application.Schemes.Windows;

/// <summary>That a scheme-year's application window was announced as open, or as closed: each once.</summary>
public sealed class WindowAnnouncementRecord
{
    public long Id { get; set; }
    public string SchemeKey { get; set; } = "";
    public int Year { get; set; }

    /// <summary><c>opened</c> or <c>closed</c>.</summary>
    public string Event { get; set; } = "";
    public DateTimeOffset AnnouncedAt { get; set; }
}

internal sealed class WindowAnnouncementRecordConfiguration : IEntityTypeConfiguration<WindowAnnouncementRecord>
{
    public void Configure(EntityTypeBuilder<WindowAnnouncementRecord> builder)
    {
        builder.ToTable("WindowAnnouncements");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.SchemeKey).HasMaxLength(64).IsRequired();
        builder.Property(w => w.Event).HasMaxLength(16).IsRequired();
        // The unique key is what makes the check safe to run twice, on two nodes at once.
        builder.HasIndex(w => new { w.SchemeKey, w.Year, w.Event }).IsUnique();
    }
}
