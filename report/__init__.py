"""Printable output for the council: the one-pager (raadsnotitie) as PDF, shared by the Overzicht download button
and `python -m report onepager`."""
