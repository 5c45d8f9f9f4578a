"""Privacy of applicants' personal data: field-level encryption at rest and masking for display.

- `crypto`: MultiFernet over the keys in the environment variable FIELD_ENCRYPTION_KEYS
  (comma-separated; the first key encrypts, every key decrypts, so a new key can be put in
  front and old rows still read). Unset, a fixed development key is used and a deploy check
  warns.
- `fields.EncryptedTextField`: a model field that stores ciphertext and gives back plain text.
- `masking`: 身份证 110105********002X, phone 138****5678, address truncated. Lists and exports
  show masked values only; the full value is for the handler of a request, audited by the
  caller (see gongkai.applications.services.handling.application_reveal_applicant).
- `blind_index()`: a keyed hash for equality look-ups (same applicant) on encrypted values.
- `rotation`: re-encryption with the newest key and recomputed blind indexes
  (`gongkai rotate_encryption_keys`).
- `retention`: erasure of personal details once PERSONAL_DATA_RETENTION_DAYS have passed since
  closing, for every model that declares `ERASED_PERSONAL_DATA` (`gongkai erase_personal_data`).

These modules import nothing of Gongkai's; any app may import them. Only the management
commands write to gongkai.audit.

Must not import: `applications`, `appeals`, `catalog`, `reports`, `supervision`, `api`, `demo`
(it reaches the models it erases and re-encrypts through the app registry).
"""
