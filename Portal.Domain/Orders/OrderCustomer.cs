using Portal.Domain.Customers;
using Portal.Domain.Shared;

namespace Portal.Domain.Orders;

/// <summary>The customer an order is placed for, as known when it is placed.</summary>
public sealed record OrderCustomer(long Id, string Name, Msisdn Phone, CustomerProfile Profile)
{
    public static OrderCustomer Of(Customer customer) => new(customer.Id, customer.Name, customer.Phone, customer.Profile);
}
