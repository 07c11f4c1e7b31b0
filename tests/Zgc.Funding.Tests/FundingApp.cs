using Zgc.Testing;

namespace Zgc.Funding.Tests;

public sealed class FundingApp : ServiceAppFactory<Program>;
