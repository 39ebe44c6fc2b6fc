using System.Globalization;
using System.Text;

namespace ProjectWorkflow.Engine.Expressions;

/// <summary>
/// Splits the inside of one <c>${...}</c> into tokens, on demand. It stops at the closing
/// <c>}</c> (returned as <see cref="TokenKind.CloseBrace"/>) so the template splitter knows where text resumes.
/// </summary>
internal sealed class Lexer
{
    private readonly string _text;
    private int _pos;

    public Lexer(string text, int start)
    {
        _text = text;
        _pos = start;
    }

    public Token Next()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }

        if (_pos >= _text.Length)
        {
            return new Token(TokenKind.End, _text.Length, "");
        }

        var start = _pos;
        var c = _text[_pos];
        if (char.IsAsciiDigit(c) || (c == '.' && IsDigitAt(_pos + 1)))
        {
            return LexNumber(start);
        }

        if (c is '\'' or '"')
        {
            return LexString(start, c);
        }

        if (IsIdentifierStart(c))
        {
            return LexWord(start);
        }

        return LexSymbol(start, c);
    }

    private Token LexSymbol(int start, char c)
    {
        var next = _pos + 1 < _text.Length ? _text[_pos + 1] : '\0';
        var (kind, length) = (c, next) switch
        {
            ('=', '=') => (TokenKind.Equal, 2),
            ('!', '=') => (TokenKind.NotEqual, 2),
            ('<', '=') => (TokenKind.LessOrEqual, 2),
            ('>', '=') => (TokenKind.GreaterOrEqual, 2),
            ('&', '&') => (TokenKind.And, 2),
            ('|', '|') => (TokenKind.Or, 2),
            ('<', _) => (TokenKind.Less, 1),
            ('>', _) => (TokenKind.Greater, 1),
            ('!', _) => (TokenKind.Not, 1),
            ('+', _) => (TokenKind.Plus, 1),
            ('-', _) => (TokenKind.Minus, 1),
            ('*', _) => (TokenKind.Multiply, 1),
            ('/', _) => (TokenKind.Divide, 1),
            ('%', _) => (TokenKind.Modulo, 1),
            ('?', _) => (TokenKind.Question, 1),
            (':', _) => (TokenKind.Colon, 1),
            ('.', _) => (TokenKind.Dot, 1),
            ('[', _) => (TokenKind.OpenBracket, 1),
            (']', _) => (TokenKind.CloseBracket, 1),
            ('(', _) => (TokenKind.OpenParen, 1),
            (')', _) => (TokenKind.CloseParen, 1),
            (',', _) => (TokenKind.Comma, 1),
            ('}', _) => (TokenKind.CloseBrace, 1),
            _ => (TokenKind.End, 0),
        };

        if (length == 0)
        {
            throw new ExpressionSyntaxException(UnknownSymbolMessage(c, start), start);
        }

        _pos += length;
        return new Token(kind, start, _text.Substring(start, length));
    }

    private static string UnknownSymbolMessage(char c, int start) => c switch
    {
        '=' => $"'=' at {Describe.Column(start)} is not an operator: use '==' to compare (expressions cannot assign)",
        '&' => $"'&' at {Describe.Column(start)} is not an operator: use '&&' or 'and'",
        '|' => $"'|' at {Describe.Column(start)} is not an operator: use '||' or 'or'",
        '{' => $"'{{' at {Describe.Column(start)} is not allowed inside an expression",
        _ => $"unexpected character '{c}' at {Describe.Column(start)}",
    };

    private Token LexNumber(int start)
    {
        SkipDigits();
        if (_pos < _text.Length && _text[_pos] == '.' && IsDigitAt(_pos + 1))
        {
            _pos++;
            SkipDigits();
        }

        if (_pos < _text.Length && _text[_pos] is 'e' or 'E')
        {
            var signed = _pos + 1 < _text.Length && _text[_pos + 1] is '+' or '-';
            var digitsAt = _pos + (signed ? 2 : 1);
            if (IsDigitAt(digitsAt))
            {
                _pos = digitsAt;
                SkipDigits();
            }
        }

        // "12abc" would otherwise lex as a number followed by a variable, with a confusing message.
        if (_pos < _text.Length && IsIdentifierPart(_text[_pos]))
        {
            var end = _pos;
            while (end < _text.Length && IsIdentifierPart(_text[end]))
            {
                end++;
            }

            throw new ExpressionSyntaxException(
                $"{Describe.Quote(_text[start..end])} at {Describe.Column(start)} is not a number", start);
        }

        var text = _text[start.._pos];
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new ExpressionSyntaxException(
                $"the number {text} at {Describe.Column(start)} is too large", start);
        }

        return new Token(TokenKind.Number, start, text, value);
    }

    private Token LexString(int start, char quote)
    {
        _pos++;
        StringBuilder? escaped = null;
        var runStart = _pos;
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == quote)
            {
                var value = escaped is null
                    ? _text[runStart.._pos]
                    : escaped.Append(_text, runStart, _pos - runStart).ToString();
                _pos++;
                return new Token(TokenKind.String, start, value);
            }

            if (c == '\\')
            {
                escaped ??= new StringBuilder();
                escaped.Append(_text, runStart, _pos - runStart);
                escaped.Append(ReadEscape());
                runStart = _pos;
                continue;
            }

            _pos++;
        }

        throw new ExpressionSyntaxException(
            $"the text starting at {Describe.Column(start)} is not closed with {quote}", start);
    }

    /// <summary>Reads the escape at the backslash under <c>_pos</c> and moves past it.</summary>
    private char ReadEscape()
    {
        var at = _pos;
        var c = at + 1 < _text.Length ? _text[at + 1] : '\0';
        _pos += 2;
        switch (c)
        {
            case '\\' or '\'' or '"':
                return c;
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u' when at + 6 <= _text.Length
                && ushort.TryParse(_text.AsSpan(at + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                _pos += 4;
                return (char)code;
        }

        var shown = c == '\0' ? "\\" : "\\" + c;
        throw new ExpressionSyntaxException(
            $"'{shown}' at {Describe.Column(at)} is not a known escape: use \\\\, \\', \\\", \\n, \\r, \\t or \\uXXXX", at);
    }

    private Token LexWord(int start)
    {
        while (_pos < _text.Length && IsIdentifierPart(_text[_pos]))
        {
            _pos++;
        }

        var word = _text[start.._pos];
        var kind = word switch
        {
            "true" => TokenKind.True,
            "false" => TokenKind.False,
            "null" => TokenKind.Null,
            "empty" => TokenKind.Empty,
            "and" => TokenKind.And,
            "or" => TokenKind.Or,
            "not" => TokenKind.Not,
            "eq" => TokenKind.Equal,
            "ne" => TokenKind.NotEqual,
            "lt" => TokenKind.Less,
            "gt" => TokenKind.Greater,
            "le" => TokenKind.LessOrEqual,
            "ge" => TokenKind.GreaterOrEqual,
            "div" => TokenKind.Divide,
            "mod" => TokenKind.Modulo,
            "instanceof" => throw new ExpressionSyntaxException(
                $"'instanceof' at {Describe.Column(start)} is not supported", start),
            _ => TokenKind.Identifier,
        };
        return new Token(kind, start, word);
    }

    private void SkipDigits()
    {
        while (IsDigitAt(_pos))
        {
            _pos++;
        }
    }

    private bool IsDigitAt(int index) => index < _text.Length && char.IsAsciiDigit(_text[index]);

    private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c is '_' or '$';

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';
}
