using System.Globalization;

namespace ProjectWorkflow.Engine.Expressions;

/// <summary>
/// Recursive descent over the EL 2.2 grammar for the inside of one <c>${...}</c>, lowest precedence first:
/// ternary, or, and, equality, relational, additive, multiplicative, unary, property access, primary.
/// </summary>
internal sealed class Parser
{
    private readonly string _text;
    private readonly int _openPosition;
    private readonly Lexer _lexer;
    private readonly ISet<string> _variables;
    private Token _current;
    private int _depth;

    /// <param name="openPosition">Where the <c>${</c> starts, for "not closed" messages.</param>
    /// <param name="variables">Collects the top-level variable names the expression reads.</param>
    public Parser(string text, int openPosition, ISet<string> variables)
    {
        _text = text;
        _openPosition = openPosition;
        _variables = variables;
        _lexer = new Lexer(text, openPosition + 2);
        _current = _lexer.Next();
    }

    /// <summary>Parses up to and including the closing brace; <paramref name="end"/> is the index just after it.</summary>
    public ExpressionNode ParseEmbedded(out int end)
    {
        if (_current.Kind == TokenKind.CloseBrace)
        {
            throw Error($"the expression at {Describe.Column(_openPosition)} is empty: write something between the braces", _openPosition);
        }

        var node = ParseTernary();
        if (_current.Kind != TokenKind.CloseBrace)
        {
            throw Unexpected("an operator or '}'");
        }

        end = _current.Start + 1;
        return node;
    }

    private ExpressionNode ParseTernary()
    {
        Enter();
        var condition = ParseOr();
        if (_current.Kind == TokenKind.Question)
        {
            var position = Advance().Start;
            var whenTrue = ParseTernary();
            Expect(TokenKind.Colon, "':' to finish the '? :' choice");
            var whenFalse = ParseTernary();
            condition = Checked(new ConditionalNode(condition, whenTrue, whenFalse, position));
        }

        _depth--;
        return condition;
    }

    private ExpressionNode ParseOr()
    {
        var left = ParseAnd();
        while (_current.Kind == TokenKind.Or)
        {
            var op = Advance();
            left = Checked(new LogicalNode(false, op.Text, left, ParseAnd(), op.Start));
        }

        return left;
    }

    private ExpressionNode ParseAnd()
    {
        var left = ParseEquality();
        while (_current.Kind == TokenKind.And)
        {
            var op = Advance();
            left = Checked(new LogicalNode(true, op.Text, left, ParseEquality(), op.Start));
        }

        return left;
    }

    private ExpressionNode ParseEquality()
    {
        var left = ParseRelational();
        while (_current.Kind is TokenKind.Equal or TokenKind.NotEqual)
        {
            var op = Advance();
            var kind = op.Kind == TokenKind.Equal ? BinaryOperator.Equal : BinaryOperator.NotEqual;
            left = Binary(kind, op, left, ParseRelational());
        }

        return left;
    }

    private ExpressionNode ParseRelational()
    {
        var left = ParseAdditive();
        while (_current.Kind is TokenKind.Less or TokenKind.Greater or TokenKind.LessOrEqual or TokenKind.GreaterOrEqual)
        {
            var op = Advance();
            var kind = op.Kind switch
            {
                TokenKind.Less => BinaryOperator.Less,
                TokenKind.Greater => BinaryOperator.Greater,
                TokenKind.LessOrEqual => BinaryOperator.LessOrEqual,
                _ => BinaryOperator.GreaterOrEqual,
            };
            left = Binary(kind, op, left, ParseAdditive());
        }

        return left;
    }

    private ExpressionNode ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (_current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Advance();
            var kind = op.Kind == TokenKind.Plus ? BinaryOperator.Add : BinaryOperator.Subtract;
            left = Binary(kind, op, left, ParseMultiplicative());
        }

        return left;
    }

    private ExpressionNode ParseMultiplicative()
    {
        var left = ParseUnary();
        while (_current.Kind is TokenKind.Multiply or TokenKind.Divide or TokenKind.Modulo)
        {
            var op = Advance();
            var kind = op.Kind switch
            {
                TokenKind.Multiply => BinaryOperator.Multiply,
                TokenKind.Divide => BinaryOperator.Divide,
                _ => BinaryOperator.Modulo,
            };
            left = Binary(kind, op, left, ParseUnary());
        }

        return left;
    }

    private ExpressionNode ParseUnary()
    {
        var kind = _current.Kind switch
        {
            TokenKind.Minus => UnaryOperator.Negate,
            TokenKind.Not => UnaryOperator.Not,
            TokenKind.Empty => UnaryOperator.Empty,
            _ => (UnaryOperator?)null,
        };

        if (kind is null)
        {
            return ParsePostfix();
        }

        var op = Advance();
        Enter();
        var operand = ParseUnary();
        _depth--;

        // Folding "-5" keeps negative literals a single constant node, as people read them.
        if (kind == UnaryOperator.Negate && operand is LiteralNode { Value: decimal d })
        {
            return new LiteralNode(-d, op.Start);
        }

        return Checked(new UnaryNode(kind.Value, op.Text, operand, op.Start));
    }

    private ExpressionNode ParsePostfix()
    {
        var node = ParsePrimary();
        while (true)
        {
            switch (_current.Kind)
            {
                case TokenKind.Dot:
                    Advance();
                    var name = _current;
                    if (!IsPropertyName(name))
                    {
                        throw Unexpected("a property name after '.'");
                    }

                    Advance();
                    RefuseCall(name.Text);
                    node = Checked(new PropertyNode(node, name.Text, name.Start));
                    break;
                case TokenKind.OpenBracket:
                    var open = Advance();
                    var key = ParseTernary();
                    Expect(TokenKind.CloseBracket, "']'");
                    node = Checked(key is LiteralNode { Value: string text }
                        ? new PropertyNode(node, text, open.Start)
                        : new IndexNode(node, key, open.Start));
                    break;
                case TokenKind.OpenParen:
                    throw CallError("the value before it");
                default:
                    return node;
            }
        }
    }

    private ExpressionNode ParsePrimary()
    {
        var token = _current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Advance();
                return new LiteralNode(token.Number, token.Start);
            case TokenKind.String:
                Advance();
                return new LiteralNode(token.Text, token.Start);
            case TokenKind.True or TokenKind.False:
                Advance();
                return new LiteralNode(Coercion.Box(token.Kind == TokenKind.True), token.Start);
            case TokenKind.Null:
                Advance();
                return new LiteralNode(null, token.Start);
            case TokenKind.Identifier:
                Advance();
                RefuseCall(token.Text);
                _variables.Add(token.Text);
                return new VariableNode(token.Text, token.Start);
            case TokenKind.OpenParen:
                Advance();
                var inner = ParseTernary();
                Expect(TokenKind.CloseParen, "')'");
                return inner;
            default:
                throw Unexpected("a value");
        }
    }

    /// <summary>Calls are the door to arbitrary code in JUEL; the sandbox keeps it shut at parse time.</summary>
    private void RefuseCall(string name)
    {
        if (_current.Kind == TokenKind.OpenParen)
        {
            throw CallError(Describe.Quote(name));
        }
    }

    private ExpressionSyntaxException CallError(string callee) =>
        Error(
            $"method calls are not allowed: '(' at {Describe.Column(_current.Start)} would call {callee}; " +
            "expressions can only read variables and their properties",
            _current.Start);

    /// <summary>Reserved words (a.empty, a.div) are fine as property names because JSON keys can be anything.</summary>
    private static bool IsPropertyName(Token token) =>
        token.Kind == TokenKind.Identifier
        || (token.Kind is not (TokenKind.String or TokenKind.Number) && token.Text.Length > 0 && char.IsLetter(token.Text[0]));

    private ExpressionNode Binary(BinaryOperator kind, Token op, ExpressionNode left, ExpressionNode right) =>
        Checked(new BinaryNode(kind, op.Text, left, right, op.Start));

    private ExpressionNode Checked(ExpressionNode node)
    {
        if (node.Height > ExpressionLimits.MaxDepth)
        {
            throw TooDeep(node.Position);
        }

        return node;
    }

    private void Enter()
    {
        if (++_depth > ExpressionLimits.MaxDepth)
        {
            throw TooDeep(_current.Start);
        }
    }

    private ExpressionSyntaxException TooDeep(int position) =>
        Error(
            $"the expression nests too deeply at {Describe.Column(position)}: " +
            $"at most {ExpressionLimits.MaxDepth.ToString(CultureInfo.InvariantCulture)} levels are allowed; split it into simpler steps",
            position);

    private Token Advance()
    {
        var token = _current;
        _current = _lexer.Next();
        return token;
    }

    private void Expect(TokenKind kind, string what)
    {
        if (_current.Kind != kind)
        {
            throw Unexpected(what);
        }

        Advance();
    }

    private ExpressionSyntaxException Unexpected(string expected)
    {
        if (_current.Kind == TokenKind.End)
        {
            return Error($"'{_text.Substring(_openPosition, 2)}' at {Describe.Column(_openPosition)} is not closed with '}}'", _openPosition);
        }

        if (_current.Kind == TokenKind.CloseBrace)
        {
            return Error($"expected {expected} at {Describe.Column(_current.Start)}, but the expression ends there", _current.Start);
        }

        return Error($"expected {expected} at {Describe.Column(_current.Start)}, but found {_current.Describe()}", _current.Start);
    }

    private static ExpressionSyntaxException Error(string message, int position) => new(message, position);
}
