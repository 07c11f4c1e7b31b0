using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Zgc.Deploy.Tests;

/// <summary>
/// deploy/k8s: the base names each image and probes on the right paths, with resources, a Service and a
/// PodDisruptionBudget per Deployment and secrets by reference; the overlays set replicas; and
/// <c>kubectl kustomize</c> renders base and overlays where kubectl exists.
/// </summary>
public sealed class KustomizeTests
{
    private static readonly string[] Overlays = ["base", "overlays/dev", "overlays/prod"];

    /// <summary>Every document of every file the base kustomization lists.</summary>
    private static List<YamlMappingNode> BaseDocuments()
    {
        var kustomization = Yaml.DocumentsOfFile("deploy", "k8s", "base", "kustomization.yaml").Single();
        return kustomization.At("resources").Items()
            .SelectMany(r => Yaml.DocumentsOfFile("deploy", "k8s", "base", r.Text()!))
            .ToList();
    }

    private static YamlMappingNode Find(IEnumerable<YamlMappingNode> documents, string kind, string name) =>
        documents.SingleOrDefault(d => d.Kind() == kind && d.Name() == name) ?? throw new Xunit.Sdk.XunitException($"no {kind} {name}");

    private static YamlNode Container(YamlNode deployment) => deployment.At("spec", "template", "spec", "containers", "0")!;

    [Theory]
    [MemberData(nameof(Repo.AllServices), MemberType = typeof(Repo))]
    public void Base_deployment_names_its_image_and_probes_live_and_ready(string service)
    {
        var container = Container(Find(BaseDocuments(), "Deployment", service));

        Assert.Equal($"zgc-{service}", container.TextAt("image"));
        var portName = container.TextAt("ports", "0", "name");
        Assert.Equal("8080", container.TextAt("ports", "0", "containerPort"));
        Assert.Equal("/health/live", container.TextAt("livenessProbe", "httpGet", "path"));
        Assert.Equal(portName, container.TextAt("livenessProbe", "httpGet", "port"));
        Assert.Equal("/health/ready", container.TextAt("readinessProbe", "httpGet", "path"));
        Assert.Equal(portName, container.TextAt("readinessProbe", "httpGet", "port"));
        Assert.Equal("/health/live", container.TextAt("startupProbe", "httpGet", "path"));
    }

    [Theory]
    [MemberData(nameof(Repo.AllServices), MemberType = typeof(Repo))]
    public void Base_deployment_has_requests_limits_and_a_non_root_context(string service)
    {
        var deployment = Find(BaseDocuments(), "Deployment", service);
        var container = Container(deployment);

        foreach (var bound in new[] { "requests", "limits" })
        {
            Assert.False(string.IsNullOrEmpty(container.TextAt("resources", bound, "cpu")), $"resources.{bound}.cpu");
            Assert.False(string.IsNullOrEmpty(container.TextAt("resources", bound, "memory")), $"resources.{bound}.memory");
        }

        Assert.Equal("true", deployment.TextAt("spec", "template", "spec", "securityContext", "runAsNonRoot"));
        Assert.Equal("false", container.TextAt("securityContext", "allowPrivilegeEscalation"));
    }

    [Theory]
    [MemberData(nameof(Repo.AllServices), MemberType = typeof(Repo))]
    public void Each_deployment_has_a_service_and_a_disruption_budget_selecting_its_pods(string service)
    {
        var documents = BaseDocuments();
        var deployment = Find(documents, "Deployment", service);
        var podLabels = deployment.At("spec", "template", "metadata", "labels").Entries().ToDictionary(e => e.Key, e => e.Value.Text());
        Assert.Equal(podLabels, deployment.At("spec", "selector", "matchLabels").Entries().ToDictionary(e => e.Key, e => e.Value.Text()));

        var budget = Find(documents, "PodDisruptionBudget", service);
        Assert.Equal("policy/v1", budget.TextAt("apiVersion"));
        Assert.All(budget.At("spec", "selector", "matchLabels").Entries(), e => Assert.Equal(podLabels[e.Key], e.Value.Text()));
        Assert.True(budget.At("spec", "maxUnavailable") is not null || budget.At("spec", "minAvailable") is not null);

        var kubeService = Find(documents, "Service", service);
        Assert.All(kubeService.At("spec", "selector").Entries(), e => Assert.Equal(podLabels[e.Key], e.Value.Text()));
        Assert.Equal(Container(deployment).TextAt("ports", "0", "name"), kubeService.TextAt("spec", "ports", "0", "targetPort"));
    }

    [Theory]
    [MemberData(nameof(Repo.AllServices), MemberType = typeof(Repo))]
    public void Settings_come_from_the_config_map_and_secrets_by_reference(string service)
    {
        var container = Container(Find(BaseDocuments(), "Deployment", service));

        Assert.Equal("zgc-config", container.TextAt("envFrom", "0", "configMapRef", "name"));
        var env = container.At("env").Items().ToDictionary(e => e.TextAt("name")!);
        Assert.Equal("zgc-secrets", env["Auth__SigningKey"].TextAt("valueFrom", "secretKeyRef", "name"));
        // No literal value carries a password: connection strings only come from the Secret.
        Assert.All(env.Values, e => Assert.DoesNotContain("Password=", e.TextAt("value") ?? "", StringComparison.OrdinalIgnoreCase));
        if (service != "console")
        {
            Assert.Equal("database-connection-string", env["Database__ConnectionString"].TextAt("valueFrom", "secretKeyRef", "key"));
            Assert.Equal("rabbitmq-uri", env["Messaging__RabbitMq"].TextAt("valueFrom", "secretKeyRef", "key"));
        }
        else
        {
            Assert.Equal("http://workflows/", env["Console__ApiBaseUrl"].TextAt("value"));
        }
    }

    [Fact]
    public void Dev_runs_one_replica_and_prod_at_least_two_of_every_service()
    {
        int Replicas(string overlay, string service) =>
            int.Parse(Yaml.DocumentsOfFile("deploy", "k8s", "overlays", overlay, "kustomization.yaml").Single()
                .At("replicas").Items().Single(r => r.TextAt("name") == service).TextAt("count")!, CultureInfo.InvariantCulture);

        Assert.All(Repo.Services, s => Assert.Equal(1, Replicas("dev", s)));
        Assert.All(Repo.DataServices, s => Assert.True(Replicas("prod", s) >= 2, $"{s} has fewer than 2 replicas in prod"));
        // The console stays at one until it shares a data-protection key ring (see overlays/prod/kustomization.yaml).
        Assert.Equal(1, Replicas("prod", "console"));
    }

    [Theory]
    [InlineData("base")]
    [InlineData("overlays/dev")]
    [InlineData("overlays/prod")]
    public async Task Kubectl_kustomize_renders(string target)
    {
        Assert.Contains(target, Overlays);
        if (Command.Which("kubectl") is null)
        {
            Assert.Skip("kubectl is not installed here; the structural tests above still check the manifests");
        }

        var result = await Command.Run("kubectl", ["kustomize", Repo.PathOf(["deploy", "k8s", .. target.Split('/')])], timeout: TimeSpan.FromSeconds(120));
        Assert.True(result.ExitCode == 0, result.All);

        var documents = Yaml.Documents(result.Output);
        var configMaps = documents.Where(d => d.Kind() == "ConfigMap").Select(d => d.Name()).ToList();
        foreach (var service in Repo.Services)
        {
            var deployment = Find(documents, "Deployment", service);
            var container = Container(deployment);
            Assert.Contains($"{service}", container.TextAt("image"), StringComparison.Ordinal);
            Assert.Equal("/health/live", container.TextAt("livenessProbe", "httpGet", "path"));
            Assert.Equal("/health/ready", container.TextAt("readinessProbe", "httpGet", "path"));
            Assert.NotNull(Find(documents, "PodDisruptionBudget", service));
            // The generated ConfigMap's hashed name is what the Deployment refers to.
            Assert.Contains(container.TextAt("envFrom", "0", "configMapRef", "name"), configMaps);
        }

        if (target == "overlays/dev")
        {
            var secret = Assert.Single(documents, d => d.Kind() == "Secret");
            var keys = secret.At("data").Entries().Select(e => e.Key).ToHashSet();
            var referenced = documents.Where(d => d.Kind() == "Deployment")
                .SelectMany(d => Container(d).At("env").Items())
                .Select(e => e.At("valueFrom", "secretKeyRef")).OfType<YamlMappingNode>()
                .ToList();
            Assert.All(referenced, r => Assert.Equal(secret.Name(), r.TextAt("name")));
            Assert.All(referenced, r => Assert.Contains(r.TextAt("key")!, keys));
        }

        if (target == "overlays/prod")
        {
            Assert.DoesNotContain(documents, d => d.Kind() == "Secret");
        }
    }
}
