namespace Portal.Domain.Catalog;

public enum ProductKind
{
    Plan,
    AddOn,
    Handset,
    Sim,
    Accessory,
}
