// Mounts Stripe's Payment Element on the public pay page and confirms the payment with Stripe. The page only
// learns the outcome from the portal's own records (the webhook): the return to the page proves nothing.
(function () {
  const root = document.getElementById('payment-element');
  const form = document.getElementById('stripe-pay-form');
  if (!root || !form || typeof window.Stripe !== 'function') return;
  const stripe = window.Stripe(root.dataset.publishableKey, { locale: root.dataset.locale || 'auto' });
  const elements = stripe.elements({ clientSecret: root.dataset.clientSecret });
  elements.create('payment', { layout: 'tabs' }).mount(root);
  const button = document.getElementById('stripe-pay-submit');
  const message = document.getElementById('payment-message');
  form.addEventListener('submit', async function (event) {
    event.preventDefault();
    button.disabled = true;
    message.textContent = '';
    const result = await stripe.confirmPayment({ elements: elements, confirmParams: { return_url: root.dataset.returnUrl } });
    // Reached only when Stripe did not redirect: the card was declined or a field is incomplete.
    if (result.error) {
      message.textContent = result.error.message || '';
      button.disabled = false;
    }
  });
})();
