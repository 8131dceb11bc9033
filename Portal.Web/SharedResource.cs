namespace Portal.Web;

/// <summary>Marker for the shared UI strings in Resources/SharedResource.*.resx (English and Simplified Chinese).</summary>
public sealed class SharedResource;
