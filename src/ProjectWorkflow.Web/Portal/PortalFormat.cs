using System.Globalization;
using ProjectWorkflow.Funding;
using ProjectWorkflow.Funding.Calendar;

namespace ProjectWorkflow.Web.Portal;

/// <summary>How the portal writes money (¥ with thousands separators, exact to the fen) and times (Shanghai's).</summary>
public static class PortalFormat
{
    public static string Yuan(long fen) => new Money(fen).ToString();

    public static string Day(DateTimeOffset? at) =>
        at is { } value ? ShanghaiDate.Of(value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";

    public static string Time(DateTimeOffset? at) =>
        at is { } value ? value.ToOffset(ShanghaiDate.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";
}
