using ProjectWorkflow.Application.Messaging;

namespace ProjectWorkflow.Web.Tests.Messaging;

public sealed class RabbitMqAddressTests
{
    [Theory]
    [InlineData("amqp://guest:guest@127.0.0.1:5672/", "127.0.0.1", 5672, "/", "guest", "guest", false)]
    [InlineData("amqp://pw:s%40cret@mq.internal/funding", "mq.internal", 5672, "funding", "pw", "s@cret", false)]
    [InlineData("amqps://pw:x@mq.example.gov", "mq.example.gov", 5671, "/", "pw", "x", true)]
    [InlineData("amqp://localhost:5679", "localhost", 5679, "/", "guest", "guest", false)]
    public void AConnectionString_NamesHostPortVirtualHostAndCredentials(
        string connectionString, string host, int port, string virtualHost, string user, string password, bool tls)
    {
        var address = RabbitMqAddress.Parse(connectionString);

        Assert.Equal(new RabbitMqAddress(host, (ushort)port, virtualHost, user, password, tls), address);
    }

    [Fact]
    public void TheAddressAsLogged_LeavesThePasswordOut() =>
        Assert.Equal("amqp://pw@mq.internal:5672/funding", RabbitMqAddress.Parse("amqp://pw:Tr3asury-Secret@mq.internal/funding").ToString());

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Host=127.0.0.1;Port=5672")]
    [InlineData("http://127.0.0.1:15672/")]
    public void AMissingOrNonAmqpConnectionString_IsRefused_WithAnExample(string? connectionString)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => RabbitMqAddress.Parse(connectionString));

        Assert.Contains("amqp://guest:guest@127.0.0.1:5672/", refused.Message);
    }
}
