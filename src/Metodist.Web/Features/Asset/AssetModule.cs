namespace Metodist.Web.Features.Asset;

/// <summary>Services and API of the module of методического актива.</summary>
public static class AssetModule
{
    public static IServiceCollection AddAsset(this IServiceCollection services)
    {
        services.AddScoped<AssetService>();
        services.AddScoped<AssetList>();
        services.AddScoped<AssetCandidates>();
        services.AddScoped<AssetCard>();
        return services;
    }

    public static void MapAssetApi(this RouteGroupBuilder api)
    {
        api.MapAssetEndpoints();
    }
}
