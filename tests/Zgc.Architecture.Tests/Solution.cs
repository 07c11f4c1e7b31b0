using System.Reflection;

namespace Zgc.Architecture.Tests;

/// <summary>
/// The built assemblies (found in this test's output folder by name) and the project files (found under the
/// repository root, the folder holding Zgc.slnx) the rules are checked against.
/// </summary>
internal static class Solution
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string RepositoryRoot => Root.Value;

    /// <summary>Platform assemblies every service may use (they are no service of their own).</summary>
    public static IReadOnlySet<string> Platform { get; } =
        new HashSet<string>(StringComparer.Ordinal) { "Zgc.SharedKernel", "Zgc.Persistence", "Zgc.Messaging", "Zgc.ServiceDefaults", "Zgc.Audit" };

    /// <summary>Zgc.*.Contracts.dll in the output folder.</summary>
    public static IReadOnlyList<Assembly> Contracts => Load("Zgc.*.Contracts.dll");

    /// <summary>Zgc.*.Domain.dll in the output folder.</summary>
    public static IReadOnlyList<Assembly> Domains => Load("Zgc.*.Domain.dll");

    /// <summary>The service names: "Intake" for Zgc.Intake.Contracts, and so on.</summary>
    public static IReadOnlyList<string> Services =>
        [.. Contracts.Select(a => a.GetName().Name!).Select(n => n["Zgc.".Length..^".Contracts".Length]).Order(StringComparer.Ordinal)];

    /// <summary>The service hosts, Zgc.&lt;Service&gt;.dll, in the output folder.</summary>
    public static IReadOnlyList<Assembly> Hosts =>
        [.. Services.Select(s => Path.Combine(AppContext.BaseDirectory, $"Zgc.{s}.dll")).Where(File.Exists).Select(LoadFile)];

    public static Assembly Named(string name) => LoadFile(Path.Combine(AppContext.BaseDirectory, name + ".dll"));

    public static TheoryData<string> Names(IEnumerable<Assembly> assemblies)
    {
        var data = new TheoryData<string>();
        foreach (var assembly in assemblies)
        {
            data.Add(assembly.GetName().Name!);
        }

        return data;
    }

    /// <summary>What the assembly's metadata references (what the compiler kept: only what the code uses).</summary>
    public static IReadOnlyList<string> References(Assembly assembly) =>
        [.. assembly.GetReferencedAssemblies().Select(r => r.Name!).Order(StringComparer.Ordinal)];

    /// <summary>The base class library: System, System.*, netstandard, mscorlib.</summary>
    public static bool IsBcl(string name) =>
        name is "System" or "netstandard" or "mscorlib" || name.StartsWith("System.", StringComparison.Ordinal);

    /// <summary>services/*/&lt;folder pattern&gt;/*.csproj under the repository root.</summary>
    public static IReadOnlyList<string> ProjectFiles(string folderPattern) =>
        [.. Directory.GetDirectories(Path.Combine(RepositoryRoot, "services"))
            .SelectMany(service => Directory.GetDirectories(service, folderPattern))
            .SelectMany(folder => Directory.GetFiles(folder, "*.csproj"))
            .Order(StringComparer.Ordinal)];

    private static List<Assembly> Load(string pattern) =>
        [.. Directory.GetFiles(AppContext.BaseDirectory, pattern).Order(StringComparer.Ordinal).Select(LoadFile)];

    private static Assembly LoadFile(string path) => Assembly.Load(AssemblyName.GetAssemblyName(path));

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Zgc.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Zgc.slnx not found above " + AppContext.BaseDirectory);
    }
}
