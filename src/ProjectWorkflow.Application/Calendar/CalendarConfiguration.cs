using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ProjectWorkflow.Application.Calendar;

internal sealed class CalendarYearRecordConfiguration : IEntityTypeConfiguration<CalendarYearRecord>
{
    public void Configure(EntityTypeBuilder<CalendarYearRecord> builder)
    {
        builder.ToTable("CalendarYears");
        builder.HasKey(c => c.Year);
        builder.Property(c => c.Year).ValueGeneratedNever();
        // A year has at most 366 days of 11 characters each (10 + comma).
        builder.Property(c => c.DaysOff).HasMaxLength(4100).IsRequired();
        builder.Property(c => c.MakeUpWorkdays).HasMaxLength(4100).IsRequired();
        builder.Property(c => c.Source).HasMaxLength(500);
        builder.Property(c => c.UpdatedBy).HasMaxLength(256);
        builder.Ignore(c => c.DaysOffList);
        builder.Ignore(c => c.MakeUpWorkdaysList);
    }
}
