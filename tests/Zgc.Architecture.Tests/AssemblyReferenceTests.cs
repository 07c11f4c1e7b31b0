namespace Zgc.Architecture.Tests;

/// <summary>
/// DESIGN.md's dependency rules, checked on the compiled assemblies: contracts are plain data, domains know
/// only the shared kernel, and a service knows another service only by its contracts.
/// </summary>
public class AssemblyReferenceTests
{
    public static TheoryData<string> ContractAssemblies => Solution.Names(Solution.Contracts);

    public static TheoryData<string> DomainAssemblies => Solution.Names(Solution.Domains);

    public static TheoryData<string> HostAssemblies => Solution.Names(Solution.Hosts);

    [Fact]
    public void Every_contracts_domain_and_host_project_on_disk_is_built_into_this_test()
    {
        var built = Solution.Contracts.Concat(Solution.Domains).Concat(Solution.Hosts).Select(a => a.GetName().Name!).ToHashSet(StringComparer.Ordinal);
        var onDisk = Solution.ProjectFiles("Zgc.*.Contracts").Concat(Solution.ProjectFiles("Zgc.*.Domain"))
            .Select(Path.GetFileNameWithoutExtension).ToList();
        var hostsOnDisk = Solution.Services.Select(s => $"Zgc.{s}").ToList();

        Assert.NotEmpty(onDisk);
        Assert.All(onDisk.Concat(hostsOnDisk), name => Assert.Contains(name!, built));
        Assert.Contains("Intake", Solution.Services);
        Assert.Contains("Workflows", Solution.Services);
        Assert.Equal(Solution.Services.Count, Solution.Hosts.Count);
    }

    [Fact]
    public void The_checks_see_the_references_the_code_really_uses()
    {
        // Guards the rules below against passing vacuously (e.g. if the metadata listed nothing).
        Assert.Contains("Zgc.Intake.Domain", Solution.References(Solution.Named("Zgc.Intake")));
        Assert.Contains("Zgc.SharedKernel", Solution.References(Solution.Named("Zgc.Intake.Domain")));
        Assert.Contains("Zgc.Review.Contracts", Solution.References(Solution.Named("Zgc.Workflows")));
        Assert.Contains(Solution.References(Solution.Named("Zgc.Review.Contracts")), Solution.IsBcl);
    }

    [Theory]
    [MemberData(nameof(ContractAssemblies))]
    public void A_contracts_assembly_references_only_the_BCL(string assembly)
    {
        var others = Solution.References(Solution.Named(assembly)).Where(r => !Solution.IsBcl(r)).ToList();
        Assert.True(others.Count == 0, $"{assembly} references {string.Join(", ", others)}; contracts may reference only the BCL.");
    }

    [Theory]
    [MemberData(nameof(DomainAssemblies))]
    public void A_domain_assembly_references_only_the_BCL_and_the_shared_kernel(string assembly)
    {
        var others = Solution.References(Solution.Named(assembly)).Where(r => !Solution.IsBcl(r) && r != "Zgc.SharedKernel").ToList();
        Assert.True(others.Count == 0, $"{assembly} references {string.Join(", ", others)}; a domain may reference only the BCL and Zgc.SharedKernel.");
    }

    [Fact]
    public void The_shared_kernel_references_only_the_BCL()
    {
        var others = Solution.References(Solution.Named("Zgc.SharedKernel")).Where(r => !Solution.IsBcl(r)).ToList();
        Assert.True(others.Count == 0, $"Zgc.SharedKernel references {string.Join(", ", others)}; it may reference only the BCL.");
    }

    [Theory]
    [MemberData(nameof(HostAssemblies))]
    public void A_service_references_another_service_only_through_its_contracts(string assembly)
    {
        var own = assembly["Zgc.".Length..];
        var forbidden = Solution.References(Solution.Named(assembly))
            .Where(reference => Solution.Services.Where(s => s != own).Any(other =>
                reference == $"Zgc.{other}" || (reference.StartsWith($"Zgc.{other}.", StringComparison.Ordinal) && reference != $"Zgc.{other}.Contracts")))
            .ToList();

        Assert.True(forbidden.Count == 0, $"{assembly} references {string.Join(", ", forbidden)}; another service may be used only through its Contracts.");
    }

    [Theory]
    [MemberData(nameof(HostAssemblies))]
    public void A_service_project_references_another_service_only_through_its_contracts(string assembly)
    {
        // The compiler drops unused references from the metadata, so check the project file as well.
        var own = assembly["Zgc.".Length..];
        var project = Solution.ProjectFiles(assembly).Single();
        var forbidden = ProjectFiles.Items(project, "ProjectReference")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => Solution.Services.Where(s => s != own).Any(other =>
                name == $"Zgc.{other}" || (name!.StartsWith($"Zgc.{other}.", StringComparison.Ordinal) && name != $"Zgc.{other}.Contracts")))
            .ToList();

        Assert.True(forbidden.Count == 0, $"{project} references {string.Join(", ", forbidden)}; another service may be used only through its Contracts.");
    }
}
