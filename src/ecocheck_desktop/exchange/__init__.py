"""Import of bills (CSV/XLSX), export (CSV/JSON) and portfolio aggregation."""
