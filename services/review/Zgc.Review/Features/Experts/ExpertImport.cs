using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zgc.Review.Domain;
using Zgc.Review.Persistence;
using Zgc.SharedKernel;

namespace Zgc.Review.Features.Experts;

/// <summary>
/// Imports experts from CSV (UTF-8, header row). Columns: <c>userId,name,employerName,employerUscc,title,fields,subAreas,declaredConflictUsccs,active</c>;
/// list columns separate their values with <c>;</c>; <c>active</c> is <c>true</c>/<c>false</c> (blank: true). Each good row
/// adds or updates the expert with that user id; each bad row is skipped and reported with its line, field and rule,
/// so the file can be fixed and imported again (importing is idempotent).
/// </summary>
internal static class ExpertImport
{
    public const int MaximumBytes = 1 << 20;

    public static readonly string[] Columns = ["userId", "name", "employerName", "employerUscc", "title", "fields", "subAreas", "declaredConflictUsccs", "active"];

    public sealed record RowError(int Line, string? UserId, string? Field, string Rule, string Message, string MessageZh);

    public sealed record ImportReport(int Rows, int Added, int Updated, IReadOnlyList<RowError> Errors);

    public static async Task<Ok<ImportReport>> Handle(HttpRequest request, ReviewDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.ContentLength is > MaximumBytes)
        {
            throw new RuleViolationException("file", "request-format", "The CSV file is larger than 1 MB; split it.", "CSV文件超过1MB，请拆分后导入。");
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(cancellationToken);
        var records = CsvReader.Read(text).ToList();
        if (records.Count == 0)
        {
            throw new RuleViolationException("file", "request-format", "The CSV file is empty.", "CSV文件为空。");
        }

        var header = records[0].Fields.Select(h => h.Trim()).ToList();
        var missing = Columns.Where(c => !header.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
        {
            throw new RuleViolationException("file", "request-format", $"The header row lacks the columns: {string.Join(", ", missing)}.",
                $"表头缺少以下列：{string.Join("、", missing)}。");
        }

        var index = Columns.ToDictionary(c => c, c => header.FindIndex(h => string.Equals(h, c, StringComparison.OrdinalIgnoreCase)));
        var now = clock.GetUtcNow();
        var known = await db.Experts.ToDictionaryAsync(e => e.UserId, cancellationToken);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var errors = new List<RowError>();
        int added = 0, updated = 0;
        foreach (var (line, fields) in records.Skip(1))
        {
            string Cell(string column) => index[column] < fields.Count ? fields[index[column]].Trim() : "";
            var userId = Cell("userId");
            try
            {
                if (userId.Length > 0 && !seen.Add(userId))
                {
                    throw new RuleViolationException("userId", Rules.Expert, "The same user id appears on an earlier row of the file.", "该用户ID在文件前面的行中已出现。");
                }

                var details = new ExpertDetails(userId, Cell("name"), Cell("employerName"), Cell("employerUscc"), Cell("title"),
                    List(Cell("fields")), List(Cell("subAreas")), List(Cell("declaredConflictUsccs")), Active(Cell("active")));
                if (known.TryGetValue(userId, out var expert))
                {
                    expert.Update(details, now);
                    updated++;
                }
                else
                {
                    expert = Expert.Create(details, now);
                    db.Experts.Add(expert);
                    known[expert.UserId] = expert;
                    added++;
                }
            }
            catch (RuleViolationException rule)
            {
                errors.Add(new RowError(line, userId.Length > 0 ? userId : null, rule.Field, rule.Rule, rule.MessageEn, rule.MessageZh));
            }
            catch (TaxonomyException taxonomy)
            {
                errors.Add(new RowError(line, userId.Length > 0 ? userId : null, taxonomy.Field, taxonomy.Rule, taxonomy.MessageEn, taxonomy.MessageZh));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new ImportReport(records.Count - 1, added, updated, errors));
    }

    private static List<string> List(string cell) => [.. cell.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static bool Active(string cell) => cell.Length == 0 || (bool.TryParse(cell, out var value)
        ? value
        : throw new RuleViolationException("active", Rules.Expert, $"'{cell}' is not true or false.", $"“{cell}”须为true或false。"));
}
