namespace ProjectWorkflow.Cluster.Tests.Messaging;

/// <summary>The services the messaging cluster tests use, as <c>infra/scripts/test.sh</c> hands them over.</summary>
public static class MessagingEnvironment
{
    /// <summary>The broker: amqp://guest:guest@127.0.0.1:5672/.</summary>
    public const string RabbitMqVariable = "PW_TEST_RABBITMQ";

    /// <summary>A PostgreSQL server (connection string); without it the nodes share a SQLite file.</summary>
    public const string PostgresVariable = "PW_TEST_POSTGRES";

    public static string? RabbitMq => Variable(RabbitMqVariable);
    public static bool HasRabbitMq => RabbitMq is not null;
    public static string? Postgres => Variable(PostgresVariable);

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
