namespace Metodist.Tests.Infrastructure;

/// <summary>One app and the small test region (<see cref="TestData"/>), shared by the tests of a class that do not interfere.</summary>
public sealed class RegionFixture : IAsyncLifetime
{
    public TestApp App { get; private set; } = null!;
    public TestData Data { get; private set; } = null!;
    public ApiTokens Tokens { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await TestApp.StartAsync();
        Data = await TestData.CreateAsync(App);
        Tokens = new ApiTokens(App);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>A login that no other test of the class uses.</summary>
    public static string UniqueLogin(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
}
