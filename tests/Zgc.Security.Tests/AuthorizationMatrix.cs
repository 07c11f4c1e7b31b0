using System.Globalization;
using System.Text;

namespace Zgc.Security.Tests;

/// <summary>
/// The reviewed expectation: for each endpoint (method and route pattern), whether each principal gets past
/// authorization (<c>allow</c>) or is refused (<c>deny</c>). Stored as <c>authorization-matrix.csv</c> beside this file.
/// </summary>
public sealed class AuthorizationMatrix
{
    public const string Allow = "allow";
    public const string Deny = "deny";
    public const string FileName = "authorization-matrix.csv";

    /// <summary>Set to 1 to write the observed matrix over the reviewed file instead of comparing.</summary>
    public const string WriteVariable = "ZGC_WRITE_MATRIX";

    private readonly SortedDictionary<string, Row> _rows = new(StringComparer.Ordinal);

    public sealed record Row(string Method, string Route, IReadOnlyDictionary<string, string> Cells)
    {
        public string Key => Method + " " + Route;

        public string ToCsv() => string.Join(',', [Method, Route, .. Principal.All.Select(p => Cells.GetValueOrDefault(p.Name, "?"))]);
    }

    public IReadOnlyCollection<Row> Rows => _rows.Values;

    public static string Header => string.Join(',', ["method", "route", .. Principal.All.Select(p => p.Name)]);

    public void Add(Row row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Route.Contains(',', StringComparison.Ordinal))
        {
            throw new ArgumentException($"A route with a comma cannot be stored in the matrix: {row.Route}", nameof(row));
        }

        _rows[row.Key] = row;
    }

    public Row? Find(string key) => _rows.GetValueOrDefault(key);

    /// <summary>Reads the file; lines starting with <c>#</c> are the reviewer's notes.</summary>
    public static AuthorizationMatrix Read(string path)
    {
        var matrix = new AuthorizationMatrix();
        var lines = File.ReadAllLines(path).Where(l => !string.IsNullOrWhiteSpace(l) && !l.StartsWith('#')).ToList();
        if (lines.Count == 0 || lines[0] != Header)
        {
            throw new InvalidDataException($"{path} must start with the header '{Header}' (one column per principal, in the order of Roles.All).");
        }

        foreach (var (line, number) in lines.Skip(1).Select((l, i) => (l, i + 2)))
        {
            var fields = line.Split(',');
            if (fields.Length != Principal.All.Count + 2 || fields.Skip(2).Any(f => f is not (Allow or Deny)))
            {
                throw new InvalidDataException($"{path}, data line {number.ToString(CultureInfo.InvariantCulture)}: expected method,route and {Principal.All.Count} cells of allow/deny: {line}");
            }

            matrix.Add(new Row(fields[0], fields[1], Principal.All.Select((p, i) => (p.Name, fields[i + 2])).ToDictionary(x => x.Name, x => x.Item2)));
        }

        return matrix;
    }

    public void Write(string path, IEnumerable<string> notes)
    {
        var text = new StringBuilder();
        foreach (var note in notes)
        {
            text.Append("# ").AppendLine(note);
        }

        text.AppendLine(Header);
        foreach (var row in Rows)
        {
            text.AppendLine(row.ToCsv());
        }

        File.WriteAllText(path, text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    /// <summary>
    /// Where the reviewed file lives in the checkout: beside this project's sources, found by walking up from the test's
    /// output folder to the folder that holds <c>Zgc.slnx</c>.
    /// </summary>
    public static string SourcePath()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Zgc.slnx")))
        {
            folder = folder.Parent;
        }

        return folder is null
            ? throw new DirectoryNotFoundException($"No Zgc.slnx above {AppContext.BaseDirectory}.")
            : Path.Combine(folder.FullName, "tests", "Zgc.Security.Tests", FileName);
    }
}
