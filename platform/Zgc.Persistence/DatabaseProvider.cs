namespace Zgc.Persistence;

/// <summary>The relational engines every service supports (DESIGN.md, Persistence).</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}
