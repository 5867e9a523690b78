using System.Globalization;
using System.Text.RegularExpressions;

namespace CatalogHub.Platform;

/// <summary>
/// The one rule for instants, in queries and JSON bodies alike. An ISO 8601 date-time with an offset (or <c>Z</c>) is that
/// instant; without an offset it is Beijing wall time (+08:00: China Standard Time, no daylight saving), as the city's
/// users mean it, whatever the server's own zone. A date alone (<c>2026-12-01</c>) is the start of that day in Beijing
/// where a day makes sense (<see cref="DayMeansStartOfDay"/>), and refused elsewhere. Every instant is held in UTC:
/// PostgreSQL's timestamptz columns take UTC only (Npgsql refuses other offsets), and one representation keeps
/// comparisons and citations unambiguous.
/// </summary>
public static partial class Instants
{
    /// <summary>China Standard Time.</summary>
    public static readonly TimeSpan DefaultOffset = TimeSpan.FromHours(8);

    /// <summary>Names (query parameters and JSON properties) of instants for which a whole day is a meaningful answer.</summary>
    public static bool DayMeansStartOfDay(string name) =>
        name is "asOf" or "knownAt" or "effectiveAt" or "from" or "to";

    public enum Form { Instant, Day, Invalid }

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})(?:[Tt ](?<time>\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?)(?:(?<utc>[Zz])|(?<sign>[+-])(?<hours>\d{2}):?(?<minutes>\d{2}))?)?$")]
    private static partial Regex Iso8601();

    // An unescaped '+' in a query string arrives as a space: "…T09:00:00 08:00" meant "+08:00".
    [GeneratedRegex(@"(?<=[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?) (?=\d{2}:?\d{2}$)")]
    private static partial Regex OffsetPlusAsSpace();

    /// <summary><c>yyyy-MM-ddTHH:mm:ssZ</c> exactly, a real day of the Gregorian calendar and a time before 24:00; else null.</summary>
    private static DateTimeOffset? UtcSeconds(string text)
    {
        if (text.Length != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z')
            return null;
        int Digits(int at, int count)
        {
            var value = 0;
            for (var i = at; i < at + count; i++)
                value = text[i] is >= '0' and <= '9' && value >= 0 ? value * 10 + (text[i] - '0') : -1;
            return value;
        }
        var (year, month, day, hour, minute, second) = (Digits(0, 4), Digits(5, 2), Digits(8, 2), Digits(11, 2), Digits(14, 2), Digits(17, 2));
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour is < 0 or > 23
            || minute is < 0 or > 59 || second is < 0 or > 59)
            return null;
        return new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);
    }

    /// <summary>Reads ISO 8601 text as an instant in UTC; a date alone reads as the start of that day in Beijing.</summary>
    public static Form Read(string text, out DateTimeOffset instant)
    {
        // The form machines send (and the basis check's callers, on every call), read by position without the expression and its
        // groups, and without the format parser (a culture-aware literal match that took 5% of a basis check's CPU, issue 14):
        // 2026-01-01T00:00:00Z. What it does not take (2026-02-30, 24:00) falls through and is refused by the calendar parse below.
        if (UtcSeconds(text) is { } utc)
        {
            instant = utc;
            return Form.Instant;
        }
        instant = default;
        var m = Iso8601().Match(text.Trim());
        if (!m.Success) return Form.Invalid;
        var day = !m.Groups["time"].Success;
        var local = day ? m.Groups["date"].Value : $"{m.Groups["date"].Value}T{m.Groups["time"].Value}";
        if (!DateTime.TryParse(local, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wall)) return Form.Invalid;
        var offset = m.Groups["utc"].Success ? TimeSpan.Zero
            : m.Groups["sign"].Success ? (m.Groups["sign"].Value == "-" ? -1 : 1)
                * new TimeSpan(int.Parse(m.Groups["hours"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["minutes"].Value, CultureInfo.InvariantCulture), 0)
            : DefaultOffset;
        // DateTimeOffset refuses offsets beyond ±14:00 and instants that fall outside its range once in UTC.
        if (offset.Duration() > TimeSpan.FromHours(14)) return Form.Invalid;
        var utcTicks = wall.Ticks - offset.Ticks;
        if (utcTicks < DateTimeOffset.MinValue.Ticks || utcTicks > DateTimeOffset.MaxValue.Ticks) return Form.Invalid;
        instant = new DateTimeOffset(utcTicks, TimeSpan.Zero);
        return day ? Form.Day : Form.Instant;
    }

    /// <summary>
    /// Reads an instant of a query (<c>asOf</c>, <c>from</c>, <c>to</c>): <paramref name="now"/> when absent, a date alone
    /// as the start of that day in Beijing.
    /// </summary>
    public static bool TryParse(string? text, DateTimeOffset now, out DateTimeOffset instant, out IResult? problem, string field = "asOf")
    {
        problem = null;
        instant = now;
        if (string.IsNullOrWhiteSpace(text)) return true;
        switch (Read(OffsetPlusAsSpace().Replace(text.Trim(), "+"), out var read))
        {
            case Form.Instant:
            case Form.Day when DayMeansStartOfDay(field):
                instant = read;
                return true;
            case Form.Day:
                problem = Problems.Invalid([DateWithoutTime(field)]);
                return false;
            default:
                problem = Problems.Invalid([Invalid(field)]);
                return false;
        }
    }

    /// <summary>
    /// Reads the two clocks of an "as of" read: in force at <c>asOf</c>, as the record stood at <c>knownAt</c>; both now when
    /// absent. A <c>knownAt</c> after now is refused: the record has not been written yet, and an answer must never change.
    /// </summary>
    public static bool TryParseClocks(string? asOf, string? knownAt, DateTimeOffset now, out Clocks clocks, out IResult? problem)
    {
        clocks = new(now, now);
        if (!TryParse(asOf, now, out var instant, out problem)) return false;
        if (!TryParse(knownAt, now, out var known, out problem, "knownAt")) return false;
        if (known > now)
        {
            problem = Problems.Invalid([new FieldError("knownAt", "known-at-in-future",
                "must not be after now: what the record will say then is not known yet.")]);
            return false;
        }
        clocks = new(instant, known, Latest: string.IsNullOrWhiteSpace(knownAt));
        return true;
    }

    public static FieldError Invalid(string field) =>
        new(field, ProblemCodes.InvalidInstant, "must be an ISO 8601 date-time, e.g. 2026-12-01T09:00:00+08:00 (without an offset: Beijing time).");

    public static FieldError DateWithoutTime(string field) =>
        new(field, ProblemCodes.DateWithoutTime, "needs a time of day as well as a date, e.g. 2026-12-01T09:00:00+08:00.");
}

/// <summary>
/// The two instants an answer is about: in force at <c>AsOf</c> (legal clock), as the record stood at <c>KnownAt</c> (record
/// clock). <c>Latest</c>: no <c>knownAt</c> was asked for, so the answer reads everything on record (<see cref="Record"/>),
/// also a change another node recorded with a clock slightly ahead of this one, and states now as its <c>KnownAt</c>.
/// </summary>
public readonly record struct Clocks(DateTimeOffset AsOf, DateTimeOffset KnownAt, bool Latest = false)
{
    /// <summary>The record clock's instant the reads filter on: the end of time for the latest record.</summary>
    public DateTimeOffset Record => Latest ? DateTimeOffset.MaxValue : KnownAt;

    /// <summary>As of <paramref name="instant"/>, with everything on record (internal checks: a publication's references, a grant's purpose).</summary>
    public static Clocks Current(DateTimeOffset instant, DateTimeOffset now) => new(instant, now, Latest: true);
}
