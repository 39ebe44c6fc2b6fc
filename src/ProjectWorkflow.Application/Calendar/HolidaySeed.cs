using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Persistence;

namespace ProjectWorkflow.Application.Calendar;

/// <summary>
/// Seeds the State Council's published holiday years (Seed/holidays.json) into every database, demo or not: a year an
/// administrator already has is left alone.
/// </summary>
public sealed class HolidaySeed(ProjectWorkflowDbContext db, TimeProvider time, AuditTrail audit)
{
    private sealed record SeedYear(int Year, List<string> DaysOff, List<string> MakeUpWorkdays, string? Source);
    private sealed record SeedFile(List<SeedYear> Years);

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var stream = typeof(HolidaySeed).Assembly.GetManifestResourceStream("ProjectWorkflow.Application.Calendar.Seed.holidays.json")
            ?? throw new InvalidOperationException("The holiday seed file is not embedded in the assembly.");
        var file = await JsonSerializer.DeserializeAsync<SeedFile>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web), cancellationToken)
            ?? throw new InvalidOperationException("The holiday seed file is empty.");
        var have = await db.Set<CalendarYearRecord>().Select(c => c.Year).ToListAsync(cancellationToken);
        foreach (var year in file.Years.Where(y => !have.Contains(y.Year)))
        {
            db.Add(new CalendarYearRecord
            {
                Year = year.Year,
                DaysOff = CalendarYearRecord.Join(year.DaysOff.SelectMany(Range)),
                MakeUpWorkdays = CalendarYearRecord.Join(year.MakeUpWorkdays.SelectMany(Range)),
                Source = year.Source,
                UpdatedAt = time.GetUtcNow(),
                UpdatedBy = "seed",
            });
            audit.Record("calendar.year-set", "calendar-year", year.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), "seeded", detail: year.Source);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>"2026-10-01" or a range "2026-10-01..2026-10-07" (inclusive).</summary>
    private static IEnumerable<DateOnly> Range(string text)
    {
        var parts = text.Split("..");
        var from = DateOnly.ParseExact(parts[0], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var to = parts.Length > 1 ? DateOnly.ParseExact(parts[1], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : from;
        for (var day = from; day <= to; day = day.AddDays(1)) yield return day;
    }
}
