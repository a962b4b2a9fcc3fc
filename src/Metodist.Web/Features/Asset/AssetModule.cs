namespace Metodist.Web.Features.Asset;

/// <summary>Services and API of the module of методического актива.</summary>
public static class AssetModule
{
    public static IServiceCollection AddAsset(this IServiceCollection services)
    {
        return services;
    }

    public static void MapAssetApi(this RouteGroupBuilder api)
    {
    }
}
