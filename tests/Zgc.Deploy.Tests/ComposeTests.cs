using YamlDotNet.RepresentationModel;

namespace Zgc.Deploy.Tests;

/// <summary>deploy/compose/compose.yaml: the infrastructure, every service built from its Dockerfile, health checks, no committed secrets.</summary>
public sealed class ComposeTests
{
    private static readonly YamlMappingNode Compose = Yaml.DocumentsOfFile("deploy", "compose", "compose.yaml").Single();

    private static YamlNode Service(string name) => Compose.At("services", name) ?? throw new InvalidOperationException($"no service {name}");

    private static string Env(string service, string key) => Service(service).TextAt("environment", key) ?? "";

    [Theory]
    [MemberData(nameof(Repo.AllServices), MemberType = typeof(Repo))]
    public void Service_is_built_from_its_own_dockerfile(string service)
    {
        var node = Service(service);
        var context = node.TextAt("build", "context");
        var dockerfile = node.TextAt("build", "dockerfile");

        Assert.Equal("../..", context);
        Assert.Equal($"services/{service}/Dockerfile", dockerfile);
        var root = Path.GetFullPath(Path.Combine(Repo.PathOf("deploy", "compose"), context!));
        Assert.Equal(Repo.Root.TrimEnd('/'), root.TrimEnd('/'));
        Assert.True(File.Exists(Path.Combine(root, dockerfile!)));
        Assert.Equal($"zgc-{service}:local", node.TextAt("image"));
    }

    [Theory]
    [MemberData(nameof(Repo.AllServices), MemberType = typeof(Repo))]
    public void Service_has_a_liveness_health_check_and_a_loopback_port(string service)
    {
        var node = Service(service);
        var test = node.At("healthcheck", "test").Items().Select(i => i.Text()).ToList();

        Assert.Equal(["CMD", "dotnet", "/opt/zgc-healthprobe/Zgc.HealthProbe.dll", "http://127.0.0.1:8080/health/live"], test);
        Assert.Equal($"127.0.0.1:{Repo.LocalPort(service)}:8080", Assert.Single(node.At("ports").Items()).Text());
        Assert.Equal(service, Env(service, "OTEL_SERVICE_NAME"));
        Assert.Equal("http://otel-collector:4317", Env(service, "OTEL_EXPORTER_OTLP_ENDPOINT"));
        Assert.StartsWith("${ZGC_AUTH_SIGNING_KEY:?", Env(service, "Auth__SigningKey"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Repo.AllDataServices), MemberType = typeof(Repo))]
    public void Service_uses_sql_server_and_rabbitmq_once_they_are_healthy(string service)
    {
        Assert.Equal("SqlServer", Env(service, "Database__Provider"));
        var connection = Env(service, "Database__ConnectionString");
        Assert.Contains("Server=sqlserver,1433;", connection, StringComparison.Ordinal);
        Assert.Contains("Database=zgc_{service};", connection, StringComparison.Ordinal);
        Assert.Contains("Password=${MSSQL_SA_PASSWORD}", connection, StringComparison.Ordinal);
        Assert.Equal("RabbitMq", Env(service, "Messaging__Transport"));
        Assert.Equal("amqp://guest:guest@rabbitmq:5672/", Env(service, "Messaging__RabbitMq"));
        Assert.Equal("service_healthy", Service(service).TextAt("depends_on", "sqlserver", "condition"));
        Assert.Equal("service_healthy", Service(service).TextAt("depends_on", "rabbitmq", "condition"));
    }

    [Fact]
    public void Console_calls_the_workflows_api_inside_the_compose_network()
    {
        Assert.Equal("http://workflows:8080/", Env("console", "Console__ApiBaseUrl"));
        Assert.Equal("service_healthy", Service("console").TextAt("depends_on", "workflows", "condition"));
    }

    [Fact]
    public void Infrastructure_has_rabbitmq_management_sql_server_a_collector_and_jaeger()
    {
        Assert.EndsWith("-management", Service("rabbitmq").TextAt("image"), StringComparison.Ordinal);
        Assert.StartsWith("mcr.microsoft.com/mssql/server:", Service("sqlserver").TextAt("image"), StringComparison.Ordinal);
        Assert.Equal("Y", Service("sqlserver").TextAt("environment", "ACCEPT_EULA"));
        Assert.NotNull(Service("sqlserver").At("healthcheck", "test"));
        Assert.NotNull(Service("rabbitmq").At("healthcheck", "test"));
        Assert.StartsWith("otel/opentelemetry-collector", Service("otel-collector").TextAt("image"), StringComparison.Ordinal);
        Assert.StartsWith("jaegertracing/", Service("jaeger").TextAt("image"), StringComparison.Ordinal);
        Assert.Equal("127.0.0.1:16686:16686", Assert.Single(Service("jaeger").At("ports").Items()).Text());
    }

    [Fact]
    public void Mounted_config_files_exist_and_the_collector_sends_traces_to_jaeger()
    {
        foreach (var (name, node) in Compose.At("services").Entries())
        {
            foreach (var volume in node.At("volumes").Items().Select(v => v.Text() ?? ""))
            {
                if (volume.StartsWith("./", StringComparison.Ordinal))
                {
                    var source = volume.Split(':')[0];
                    Assert.True(File.Exists(Repo.PathOf("deploy", "compose", source[2..])), $"{name} mounts {source}, which is missing");
                }
            }
        }

        var collector = Yaml.DocumentsOfFile("deploy", "compose", "otel-collector.yaml").Single();
        Assert.Equal("jaeger:4317", collector.TextAt("exporters", "otlp/jaeger", "endpoint"));
        Assert.Contains("otlp/jaeger", collector.At("service", "pipelines", "traces", "exporters").Items().Select(i => i.Text()));
        Assert.Contains("otlp", collector.At("service", "pipelines", "metrics", "receivers").Items().Select(i => i.Text()));
    }

    [Fact]
    public async Task No_secret_is_committed()
    {
        // Every secret in compose.yaml is a required interpolation from .env, which git ignores.
        Assert.StartsWith("${MSSQL_SA_PASSWORD:?", Service("sqlserver").TextAt("environment", "MSSQL_SA_PASSWORD"), StringComparison.Ordinal);
        Assert.Contains(".env", File.ReadAllLines(Repo.PathOf("deploy", "compose", ".gitignore")));
        var example = File.ReadAllLines(Repo.PathOf("deploy", "compose", ".env.example"))
            .Where(l => l.Contains('=', StringComparison.Ordinal) && !l.StartsWith('#'))
            .Select(l => l.Split('=')[0]).ToList();
        Assert.Equal(["MSSQL_SA_PASSWORD", "ZGC_AUTH_SIGNING_KEY"], example);
        if (Command.Which("git") is not null)
        {
            var tracked = await Command.Run("git", ["ls-files", "--error-unmatch", "deploy/compose/.env"]);
            Assert.NotEqual(0, tracked.ExitCode);
        }
    }
}
