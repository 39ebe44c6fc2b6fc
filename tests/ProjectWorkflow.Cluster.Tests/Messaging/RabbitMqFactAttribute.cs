namespace ProjectWorkflow.Cluster.Tests.Messaging;

/// <summary>
/// A test that needs a real RabbitMQ: skipped, saying so, when <c>PW_TEST_RABBITMQ</c> is not set (a plain
/// <c>dotnet test</c> on a developer's machine); <c>infra/scripts/test.sh</c> always starts one and sets it.
/// </summary>
public sealed class RabbitMqFactAttribute : FactAttribute
{
    public RabbitMqFactAttribute()
    {
        if (!MessagingEnvironment.HasRabbitMq)
            Skip = $"Needs RabbitMQ: set {MessagingEnvironment.RabbitMqVariable} (e.g. amqp://guest:guest@127.0.0.1:5672/); infra/scripts/test.sh starts a broker and sets it.";
    }
}
