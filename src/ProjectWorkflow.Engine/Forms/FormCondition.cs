using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProjectWorkflow.Engine.Forms;

/// <summary>
/// A form-js <c>conditional.hide</c> expression (FEEL, written <c>=districtOutcome != "return"</c>), in the part forms
/// need: a field or literal (string, number, true, false, null) compared with <c>=</c> <c>!=</c> <c>&lt;</c>
/// <c>&lt;=</c> <c>&gt;</c> <c>&gt;=</c>, joined by <c>and</c> / <c>or</c>, <c>not(…)</c>, parentheses, and a bare
/// field read as true or false. As in FEEL, comparing with null is false for <c>=</c> and true for <c>!=</c>;
/// an ordering that cannot be decided is null, and a component is hidden only when the expression is true.
/// </summary>
public sealed class FormCondition
{
    private readonly Node _root;

    private FormCondition(string text, Node root)
    {
        Text = text;
        _root = root;
    }

    public string Text { get; }

    /// <summary>Reads a <c>hide</c> value; <paramref name="problem"/> says what is wrong when it cannot be read (null result).</summary>
    public static FormCondition? Read(string text, out string? problem)
    {
        problem = null;
        var body = text.Trim();
        if (!body.StartsWith('='))
        {
            problem = $"'{text}' is not an expression: form-js conditions start with '='.";
            return null;
        }
        try
        {
            var parser = new Parser(Tokens(body[1..]));
            var root = parser.Expression();
            if (!parser.AtEnd) throw new FormatException($"unexpected '{parser.Current}'");
            return new FormCondition(text, root);
        }
        catch (FormatException e)
        {
            problem = $"'{text}' cannot be read: {e.Message}. Use comparisons of a field with a literal, joined by and / or.";
            return null;
        }
    }

    /// <summary>True when the expression is true for these values (the form's data).</summary>
    public bool IsTrue(JsonObject values) => _root.Evaluate(values) is true;

    private abstract record Node
    {
        public abstract object? Evaluate(JsonObject values);
    }

    private sealed record Literal(object? Value) : Node
    {
        public override object? Evaluate(JsonObject values) => Value;
    }

    private sealed record Field(string[] Path) : Node
    {
        public override object? Evaluate(JsonObject values)
        {
            JsonNode? node = values;
            foreach (var part in Path) node = node is JsonObject o ? o[part] : null;
            return node switch
            {
                JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
                JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValueKind() == JsonValueKind.True,
                JsonValue v when v.GetValueKind() == JsonValueKind.Number
                    && decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
                null => null,
                _ => node.ToJsonString(),
            };
        }
    }

    private sealed record Not(Node Operand) : Node
    {
        public override object? Evaluate(JsonObject values) => Operand.Evaluate(values) is bool b ? !b : null;
    }

    private sealed record Logical(string Op, Node Left, Node Right) : Node
    {
        public override object? Evaluate(JsonObject values)
        {
            var left = Left.Evaluate(values) as bool?;
            var right = Right.Evaluate(values) as bool?;
            return Op == "and"
                ? left == false || right == false ? false : left == true && right == true ? true : null
                : left == true || right == true ? true : left == false && right == false ? false : null;
        }
    }

    private sealed record Comparison(string Op, Node Left, Node Right) : Node
    {
        public override object? Evaluate(JsonObject values)
        {
            var left = Left.Evaluate(values);
            var right = Right.Evaluate(values);
            if (Op is "=" or "!=")
            {
                var same = Equals(left, right);
                return Op == "=" ? same : !same;
            }
            int? order = (left, right) switch
            {
                (decimal a, decimal b) => a.CompareTo(b),
                (string a, string b) => string.CompareOrdinal(a, b),
                _ => null,
            };
            if (order is not { } o) return null;
            return Op switch { "<" => o < 0, "<=" => o <= 0, ">" => o > 0, _ => o >= 0 };
        }
    }

    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c == '"')
            {
                var end = i + 1;
                var literal = new System.Text.StringBuilder("\"");
                while (end < text.Length && text[end] != '"')
                {
                    if (text[end] == '\\' && end + 1 < text.Length) end++;
                    literal.Append(text[end++]);
                }
                if (end >= text.Length) throw new FormatException("a string is not closed");
                tokens.Add(literal.ToString());
                i = end + 1;
            }
            else if (char.IsDigit(c) || (c == '-' && i + 1 < text.Length && char.IsDigit(text[i + 1])))
            {
                var end = i + 1;
                while (end < text.Length && (char.IsDigit(text[end]) || text[end] == '.')) end++;
                tokens.Add(text[i..end]);
                i = end;
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var end = i + 1;
                while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is '_' or '.')) end++;
                tokens.Add(text[i..end]);
                i = end;
            }
            else if (i + 1 < text.Length && text.Substring(i, 2) is "!=" or "<=" or ">=")
            {
                tokens.Add(text.Substring(i, 2));
                i += 2;
            }
            else if (c is '=' or '<' or '>' or '(' or ')')
            {
                tokens.Add(c.ToString());
                i++;
            }
            else throw new FormatException($"'{c}' is not part of the expressions forms take");
        }
        return tokens;
    }

    private sealed class Parser(List<string> tokens)
    {
        private int _at;

        public bool AtEnd => _at >= tokens.Count;

        public string Current => AtEnd ? "the end" : tokens[_at];

        public Node Expression()
        {
            var left = And();
            while (!AtEnd && tokens[_at] == "or") { _at++; left = new Logical("or", left, And()); }
            return left;
        }

        private Node And()
        {
            var left = Unary();
            while (!AtEnd && tokens[_at] == "and") { _at++; left = new Logical("and", left, Unary()); }
            return left;
        }

        private Node Unary()
        {
            if (!AtEnd && tokens[_at] == "not" && _at + 1 < tokens.Count && tokens[_at + 1] == "(")
            {
                _at += 2;
                var inner = Expression();
                Expect(")");
                return new Not(inner);
            }
            var left = Operand();
            if (!AtEnd && tokens[_at] is "=" or "!=" or "<" or "<=" or ">" or ">=")
            {
                var op = tokens[_at++];
                return new Comparison(op, left, Operand());
            }
            return left;
        }

        private Node Operand()
        {
            if (AtEnd) throw new FormatException("it ends where a value is expected");
            var token = tokens[_at++];
            if (token == "(")
            {
                var inner = Expression();
                Expect(")");
                return inner;
            }
            if (token.StartsWith('"')) return new Literal(token[1..]);
            if (token is "true" or "false") return new Literal(token == "true");
            if (token == "null") return new Literal(null);
            if (decimal.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return new Literal(number);
            if (char.IsLetter(token[0]) || token[0] == '_')
            {
                if (token is "and" or "or" or "not") throw new FormatException($"'{token}' stands where a value is expected");
                return new Field(token.Split('.'));
            }
            throw new FormatException($"'{token}' is not a value");
        }

        private void Expect(string token)
        {
            if (AtEnd || tokens[_at] != token) throw new FormatException($"'{token}' expected before {Current}");
            _at++;
        }
    }
}
