"""Thai text rules: repair of broken PDF text and segmentation into sentences and words."""
