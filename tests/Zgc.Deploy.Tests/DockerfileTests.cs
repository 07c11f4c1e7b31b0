namespace Zgc.Deploy.Tests;

/// <summary>services/&lt;svc&gt;/Dockerfile: multi-stage SDK → ASP.NET runtime, non-root, health-checked, and buildable from the repository root.</summary>
public sealed class DockerfileTests
{
    private static string[] Lines(string service) =>
        File.ReadAllLines(Repo.PathOf("services", service, "Dockerfile"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToArray();

    /// <summary>The instructions of the last stage (from its FROM to the end), continuation lines joined.</summary>
    private static List<string> FinalStage(string service)
    {
        var instructions = Instructions(service);
        var lastFrom = instructions.FindLastIndex(i => i.StartsWith("FROM ", StringComparison.Ordinal));
        return instructions[lastFrom..];
    }

    private static List<string> Instructions(string service)
    {
        var result = new List<string>();
        var current = "";
        foreach (var line in Lines(service))
        {
            current += line.EndsWith('\\') ? line[..^1] + " " : line;
            if (!line.EndsWith('\\'))
            {
                result.Add(current);
                current = "";
            }
        }

        return result;
    }

    [Theory]
    [MemberData(nameof(Repo.AllServices), MemberType = typeof(Repo))]
    public void Builds_with_the_sdk_and_runs_on_the_aspnet_runtime(string service)
    {
        var froms = Instructions(service).Where(i => i.StartsWith("FROM ", StringComparison.Ordinal)).ToList();

        Assert.Equal(2, froms.Count);
        Assert.Equal("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build", froms[0]);
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet:10.0", froms[1], StringComparison.Ordinal);
        Assert.Contains(FinalStage(service), i => i.StartsWith("COPY --from=build ", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Repo.AllServices), MemberType = typeof(Repo))]
    public void Runs_as_the_non_root_app_user(string service)
    {
        var final = FinalStage(service);
        var users = final.Where(i => i.StartsWith("USER ", StringComparison.Ordinal)).ToList();
        var entry = final.FindIndex(i => i.StartsWith("ENTRYPOINT ", StringComparison.Ordinal));

        Assert.Equal("USER app", Assert.Single(users));
        Assert.True(final.IndexOf(users[0]) < entry, "USER must come before ENTRYPOINT");
    }

    [Theory]
    [MemberData(nameof(Repo.AllServices), MemberType = typeof(Repo))]
    public void Publishes_and_starts_its_own_host(string service)
    {
        var project = Repo.ProjectOf(service);
        var instructions = Instructions(service);
        var csproj = $"services/{service}/{project}/{project}.csproj";

        Assert.True(File.Exists(Repo.PathOf(csproj.Split('/'))), csproj + " is missing");
        Assert.Contains(instructions, i => i.StartsWith("RUN dotnet publish " + csproj + " -c Release", StringComparison.Ordinal));
        Assert.Equal($"ENTRYPOINT [\"dotnet\", \"{project}.dll\"]", FinalStage(service).Last(i => i.StartsWith("ENTRYPOINT", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Repo.AllServices), MemberType = typeof(Repo))]
    public void Health_check_probes_liveness_with_the_bundled_probe(string service)
    {
        var healthcheck = Assert.Single(FinalStage(service), i => i.StartsWith("HEALTHCHECK ", StringComparison.Ordinal));

        // The runtime image has no curl/wget: the probe is a dotnet program published in the build stage.
        Assert.Contains("CMD [\"dotnet\", \"/opt/zgc-healthprobe/Zgc.HealthProbe.dll\", \"http://127.0.0.1:8080/health/live\"]", healthcheck, StringComparison.Ordinal);
        Assert.Contains(Instructions(service), i => i.Contains("dotnet publish deploy/compose/healthprobe/Zgc.HealthProbe.csproj", StringComparison.Ordinal));
        Assert.Contains(FinalStage(service), i => i == "COPY --from=build /out/probe /opt/zgc-healthprobe/");
        Assert.Contains(FinalStage(service), i => i.Contains("ASPNETCORE_HTTP_PORTS=8080", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Repo.AllServices), MemberType = typeof(Repo))]
    public void Every_copied_source_exists_relative_to_the_repository_root(string service)
    {
        var copies = Instructions(service).Where(i => i.StartsWith("COPY ", StringComparison.Ordinal) && !i.StartsWith("COPY --from", StringComparison.Ordinal));
        foreach (var copy in copies)
        {
            var parts = copy.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1];
            Assert.All(parts, source => Assert.True(File.Exists(Repo.PathOf(source)) || Directory.Exists(Repo.PathOf(source)), $"{copy}: {source} is missing"));
        }
    }

    [Fact]
    public void The_build_context_leaves_out_build_output_and_local_state()
    {
        var ignored = File.ReadAllLines(Repo.PathOf(".dockerignore")).Select(l => l.Trim()).ToHashSet();

        Assert.Superset(new HashSet<string> { "**/bin/", "**/obj/", ".git/", "artifacts/", "tests/", "deploy/compose/.env" }, ignored);
    }
}
