"""How bundle files travel to visitors: precompressed copies (.br, .gz) and Content-Encoding
negotiation shared by ``vitrine serve`` and the kiosk server."""
