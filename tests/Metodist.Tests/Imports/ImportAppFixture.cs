using Metodist.Tests.Infrastructure;

namespace Metodist.Tests.Imports;

/// <summary>
/// One app with a quickly polling import worker and the small test region, shared by import tests that keep to
/// their own teachers and courses (and so do not interfere).
/// </summary>
public sealed class ImportAppFixture : IAsyncLifetime
{
    public TestApp App { get; private set; } = null!;
    public TestData Data { get; private set; } = null!;
    public ApiTokens Tokens { get; private set; } = null!;

    /// <summary>The region administrator's login.</summary>
    public string Admin { get; private set; } = "";

    public async Task InitializeAsync()
    {
        App = await ImportTesting.StartAppAsync();
        Data = await TestData.CreateAsync(App);
        Tokens = new ApiTokens(App);
        Admin = await Data.AddAdminAsync();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
