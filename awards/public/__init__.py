"""The public pages: the honor board and a certificate's verification (/xac-minh/)."""
