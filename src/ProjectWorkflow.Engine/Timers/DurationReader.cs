using System.Globalization;

namespace ProjectWorkflow.Engine.Timers;

/// <summary>
/// Reads <c>PnYnMnWnDTnHnMnS</c> one number-and-unit at a time so each mistake gets its own sentence.
/// Letters may be lower case, as Java's parser allows; only seconds may carry a fraction.
/// </summary>
internal sealed class DurationReader(string text)
{
    private const string Example = "e.g. PT1H";
    private const string Order = "Y, M, W, D, then T and H, M, S";

    private int _pos;

    /// <summary>Returns null on success, otherwise the reason the text is not a duration.</summary>
    public string? Read(out IsoDuration duration)
    {
        duration = default;
        if (text.Length == 0 || char.ToUpperInvariant(text[0]) != 'P')
        {
            return Fail($"it must start with P, {Example} or P1D");
        }

        _pos = 1;
        int years = 0, months = 0, weeks = 0, days = 0, hours = 0, minutes = 0;
        var seconds = 0m;
        var inTime = false;
        var lastRank = -1;
        var dateParts = 0;
        var timeParts = 0;
        while (_pos < text.Length)
        {
            if (char.ToUpperInvariant(text[_pos]) == 'T')
            {
                if (inTime)
                {
                    return Fail("'T' appears twice");
                }

                inTime = true;
                _pos++;
                continue;
            }

            var numberStart = _pos;
            var number = ReadNumber();
            if (number.Length == 0)
            {
                return Fail(MissingNumber(text[_pos]));
            }

            if (_pos >= text.Length)
            {
                return Fail($"the number {number} needs a unit after it, e.g. {number}{(inTime ? 'H' : 'D')}");
            }

            var unit = char.ToUpperInvariant(text[_pos]);
            _pos++;
            var rank = Rank(unit, inTime);
            if (rank < 0)
            {
                return Fail(UnitProblem(unit, inTime, number));
            }

            if (rank <= lastRank)
            {
                return Fail($"the units must come in the order {Order}, each at most once");
            }

            lastRank = rank;
            var fractional = number.Contains('.', StringComparison.Ordinal) || number.Contains(',', StringComparison.Ordinal);
            if (fractional && rank != 6)
            {
                return Fail($"only seconds may have a fraction; write {text[numberStart..(_pos - 1)]}{unit} in a smaller unit");
            }

            var value = 0;
            var parsed = rank == 6
                ? decimal.TryParse(number.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out seconds)
                : int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out value);
            if (!parsed)
            {
                return Fail($"the number {number} is too large");
            }

            switch (rank)
            {
                case 0: years = value; break;
                case 1: months = value; break;
                case 2: weeks = value; break;
                case 3: days = value; break;
                case 4: hours = value; break;
                case 5: minutes = value; break;
            }

            if (inTime)
            {
                timeParts++;
            }
            else
            {
                dateParts++;
            }
        }

        if (dateParts + timeParts == 0)
        {
            return Fail($"give at least one number, {Example}");
        }

        if (inTime && timeParts == 0)
        {
            return Fail($"give hours, minutes or seconds after T, e.g. {text}12H, or drop the T");
        }

        duration = new IsoDuration(years, months, weeks, days, hours, minutes, seconds);
        return IsoDuration.IsTooLong(duration) ? Fail("it is longer than 1,000 years") : null;
    }

    private string ReadNumber()
    {
        var start = _pos;
        while (_pos < text.Length && char.IsAsciiDigit(text[_pos]))
        {
            _pos++;
        }

        if (_pos > start && _pos + 1 < text.Length && text[_pos] is '.' or ',' && char.IsAsciiDigit(text[_pos + 1]))
        {
            _pos++;
            while (_pos < text.Length && char.IsAsciiDigit(text[_pos]))
            {
                _pos++;
            }
        }

        return text[start.._pos];
    }

    /// <summary>Position of a unit in the fixed ISO order, or -1 when the letter is not a unit in this half.</summary>
    private static int Rank(char unit, bool inTime) => (unit, inTime) switch
    {
        ('Y', false) => 0,
        ('M', false) => 1,
        ('W', false) => 2,
        ('D', false) => 3,
        ('H', true) => 4,
        ('M', true) => 5,
        ('S', true) => 6,
        _ => -1,
    };

    private static string MissingNumber(char found) => found switch
    {
        '-' => "a timer cannot wait a negative time",
        _ when char.IsLetter(found) => $"'{found}' needs a number in front of it, e.g. 1{char.ToUpperInvariant(found)}",
        _ => $"'{found}' is not allowed in a duration",
    };

    private static string UnitProblem(char unit, bool inTime, string number) => (unit, inTime) switch
    {
        ('H' or 'S', false) => $"hours, minutes and seconds go after T, e.g. PT{number}{unit}",
        ('Y' or 'W' or 'D', true) => $"years, weeks and days go before T, e.g. P{number}{unit}",
        _ => $"'{unit}' is not a unit; use Y, M, W, D before T and H, M, S after it",
    };

    private string Fail(string reason) => $"'{text}' is not an ISO 8601 duration: {reason}";
}
