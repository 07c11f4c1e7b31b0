namespace Zgc.Architecture.Tests;

/// <summary>Contracts and domains stay free of packages: the project files themselves must not add any.</summary>
public class ProjectFileTests
{
    public static TheoryData<string> ContractsAndDomainProjects
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var project in Solution.ProjectFiles("Zgc.*.Contracts").Concat(Solution.ProjectFiles("Zgc.*.Domain")))
            {
                data.Add(Path.GetRelativePath(Solution.RepositoryRoot, project));
            }

            return data;
        }
    }

    public static TheoryData<string> ContractsProjects
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var project in Solution.ProjectFiles("Zgc.*.Contracts"))
            {
                data.Add(Path.GetRelativePath(Solution.RepositoryRoot, project));
            }

            return data;
        }
    }

    public static TheoryData<string> DomainProjects
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var project in Solution.ProjectFiles("Zgc.*.Domain"))
            {
                data.Add(Path.GetRelativePath(Solution.RepositoryRoot, project));
            }

            return data;
        }
    }

    [Fact]
    public void The_repository_has_contracts_and_domain_projects()
    {
        Assert.NotEmpty(ContractsProjects);
        Assert.NotEmpty(DomainProjects);
    }

    [Theory]
    [MemberData(nameof(ContractsAndDomainProjects))]
    public void A_contracts_or_domain_project_has_no_PackageReference(string project)
    {
        var packages = ProjectFiles.Items(Path.Combine(Solution.RepositoryRoot, project), "PackageReference");
        Assert.True(packages.Count == 0, $"{project} references packages {string.Join(", ", packages)}.");
    }

    [Theory]
    [MemberData(nameof(ContractsAndDomainProjects))]
    public void A_contracts_or_domain_project_has_no_FrameworkReference(string project)
    {
        var frameworks = ProjectFiles.Items(Path.Combine(Solution.RepositoryRoot, project), "FrameworkReference");
        Assert.True(frameworks.Count == 0, $"{project} references frameworks {string.Join(", ", frameworks)}.");
    }

    [Theory]
    [MemberData(nameof(ContractsProjects))]
    public void A_contracts_project_references_no_project(string project)
    {
        var projects = ProjectFiles.Items(Path.Combine(Solution.RepositoryRoot, project), "ProjectReference");
        Assert.True(projects.Count == 0, $"{project} references {string.Join(", ", projects)}.");
    }

    [Theory]
    [MemberData(nameof(DomainProjects))]
    public void A_domain_project_references_only_the_shared_kernel(string project)
    {
        var projects = ProjectFiles.Items(Path.Combine(Solution.RepositoryRoot, project), "ProjectReference")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => name != "Zgc.SharedKernel")
            .ToList();
        Assert.True(projects.Count == 0, $"{project} references {string.Join(", ", projects)}.");
    }

    [Fact]
    public void The_shared_kernel_project_has_no_package_or_project_reference()
    {
        var project = Path.Combine(Solution.RepositoryRoot, "platform", "Zgc.SharedKernel", "Zgc.SharedKernel.csproj");
        Assert.Empty(ProjectFiles.Items(project, "PackageReference"));
        Assert.Empty(ProjectFiles.Items(project, "ProjectReference"));
    }
}
