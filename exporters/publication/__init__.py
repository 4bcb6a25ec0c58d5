"""Publication: what a bundle may publish (policy), the museum's mark secret, and the signed
publication register (publications.jsonl) that names who received each export."""
