"""Certificates: eligibility, the numbered register, signed verification codes, issuing.

Pure modules (eligibility, numbering, verification, names, register) take values; ``store``,
``issuing`` and ``reissue`` work inside a caller's session. Services: smm_event.services.certificates.
"""
